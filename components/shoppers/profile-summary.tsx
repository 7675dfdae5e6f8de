import { Badge, Card } from '@/components/ui/card';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import type { ShopperProfileView } from '@/lib/profiles/service';
import { ATTRIBUTE_LABELS, RFM_HINTS, RFM_LABELS, formatDays } from './present';

/** The facts the store shares about a shopper; sensitive ones only when the role may see them. */
export function ShopperFacts({
  view,
  locale,
  timeZone,
}: {
  view: ShopperProfileView;
  locale: string;
  timeZone: string;
}) {
  const { shopper, profile } = view;
  const sensitive = Object.entries(profile.details.facts.sensitive);
  const rows: [string, string][] = [
    ['Kind', shopper.kind === 'customer' ? 'Customer' : 'Anonymous visitor'],
    ['Customer ID', shopper.externalId ?? '—'],
    ['Email', shopper.email ?? '—'],
    ['Country', shopper.country ?? '—'],
    ['Locale', shopper.locale ?? '—'],
    ['Device', shopper.device ?? '—'],
    ['First seen', formatDateTime(shopper.firstSeenAt, locale, timeZone)],
    ['Last seen', formatDateTime(shopper.lastSeenAt ?? profile.lastEventAt, locale, timeZone)],
    ...sensitive.map(([k, v]): [string, string] => [ATTRIBUTE_LABELS[k] ?? k, String(v)]),
  ];
  return (
    <Card title="Facts" description="What the store shares about this shopper.">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3 border-b border-slate-100 py-1">
            <dt className="text-slate-500">{label}</dt>
            <dd className="truncate text-right font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {!view.sensitiveVisible ? (
        <p className="mt-3 text-xs text-slate-500">
          Age, gender and similar facts are shown only to owners, admins and analysts.
        </p>
      ) : null}
    </Card>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-slate-900">{value}</dd>
      {hint ? <dd className="text-xs text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/** RFM scores and the behaviour figures beside them. */
export function ShopperRfm({
  view,
  currency,
  locale,
}: {
  view: ShopperProfileView;
  currency: string;
  locale: string;
}) {
  const p = view.profile;
  const b = p.details.behaviour;
  const money = (m: number | null) => (m === null ? '—' : formatMoney(Math.round(m), currency, locale));
  const score = (s: number | undefined) => (s ? `score ${s} of 5` : 'no score without a paid order');
  return (
    <Card
      title="Recency, frequency, monetary"
      description="Scores are quintiles within this workspace's buyers (5 = best)."
      actions={p.rfm ? <Badge color="blue">{RFM_LABELS[p.rfm.segment]}</Badge> : undefined}
    >
      {p.rfm ? <p className="mb-3 text-sm text-slate-600">{RFM_HINTS[p.rfm.segment]}</p> : null}
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Stat
          label="Recency"
          value={p.recencyDays === null ? 'No order' : `${formatDays(p.recencyDays)} ago`}
          hint={score(p.rfm?.r)}
        />
        <Stat
          label="Frequency"
          value={`${formatNumber(p.orders, locale)} paid ${p.orders === 1 ? 'order' : 'orders'}`}
          hint={score(p.rfm?.f)}
        />
        <Stat label="Monetary" value={money(p.monetaryMinor)} hint={score(p.rfm?.m)} />
      </dl>
      <dl className="mt-3 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Average order" value={money(p.aovMinor)} />
        <Stat
          label="Days between orders"
          value={p.meanGapDays === null ? '—' : formatNumber(Math.round(p.meanGapDays), locale)}
        />
        <Stat label="Returns" value={formatNumber(p.returns, locale)} hint="returned or refunded orders" />
        <Stat
          label="Sessions"
          value={formatNumber(p.sessions, locale)}
          hint={
            b.viewsPerSession === null
              ? undefined
              : `${b.viewsPerSession.toFixed(1)} product views per session`
          }
        />
      </dl>
      {b.unconvertedOrders > 0 ? (
        <p className="mt-3 text-xs text-amber-800">
          {formatNumber(b.unconvertedOrders, locale)} paid{' '}
          {b.unconvertedOrders === 1 ? 'order is' : 'orders are'} in a currency without a stored rate and left
          out of the money figures.
        </p>
      ) : null}
    </Card>
  );
}
