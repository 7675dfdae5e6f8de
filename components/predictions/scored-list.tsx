import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { selectByGroupThresholds } from '@/lib/fairness/predictions/list-thresholds';
import { formatDate, formatMoney, formatNumber } from '@/lib/format';
import { getLivePredictionModels, scoreHistogram } from '@/lib/predict/service';
import { listShoppers, SHOPPERS_PAGE_SIZE } from '@/lib/profiles/service';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { levelOf } from './explain';
import {
  countAtOrAbove,
  defaultSegmentName,
  LISTS,
  type ListKind,
  THRESHOLDS,
  thresholdRules,
} from './lists';
import { fallbackOf, formatPercent, isRuleMethod, methodLabel } from './present';
import { SaveSegmentForm } from './save-segment-form';

/** The most shoppers a list shows (one page of the Shoppers list); the segment holds all of them. */
export const LIST_LIMIT = SHOPPERS_PAGE_SIZE;

const LEVEL_TEXT = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/**
 * "At risk" (churn, highest first) or "Ready to buy" (propensity, highest first) above a chosen
 * threshold, with links to the shoppers and "Save as segment" for the same rule.
 */
export async function ScoredShopperList({
  ctx,
  kind,
  threshold,
}: {
  ctx: TenantContext;
  kind: ListKind;
  threshold: number;
}) {
  const db = await getDb();
  const list = LISTS[kind];
  const [tenant, live, rows, bins] = await Promise.all([
    getTenant(db, ctx),
    getLivePredictionModels(db, ctx),
    // The Shoppers list sorted by this score: highest first, unscored last, with the profile facts.
    listShoppers(db, ctx, { sort: kind, dir: 'desc' }),
    scoreHistogram(db, ctx, kind, 10),
  ]);
  const locale = tenant?.locale ?? 'en';
  const num = (n: number) => formatNumber(n, locale);
  const model = live[kind];
  const base = `/${ctx.slug}/predictions`;
  if (!model) {
    return (
      <Card>
        <EmptyState title={`No live ${list.scoreHeader.toLowerCase()} model yet`}>
          Train predictions first on the{' '}
          <Link href={base} className="font-medium text-brand-700 underline">
            Predictions page
          </Link>
          .
        </EmptyState>
      </Card>
    );
  }
  const scored = rows.rows.flatMap((r) => {
    const score = r[kind];
    return score !== null ? [{ ...r, score }] : [];
  });
  // At the list's default threshold, per-group thresholds apply when switched on (Models → Fairness).
  const grouped = threshold === list.threshold ? await selectByGroupThresholds(db, ctx, kind, scored) : null;
  const shown = grouped?.rows ?? scored.filter((r) => r.score >= threshold);
  const total = grouped ? null : countAtOrAbove(bins, threshold);
  const fallback = fallbackOf(model.metrics);
  const money = (m: number) => formatMoney(Math.round(m), tenant?.currency ?? 'EUR', locale);
  return (
    <Card
      title={`${list.scoreHeader} ${formatPercent(threshold)} or more`}
      description={`${total === null ? 'Shoppers' : `${num(total)} shoppers`} at or above the threshold, scored by version ${model.version} (${methodLabel(model.method)}${isRuleMethod(model.method) ? ', a rule while there is too little data to train' : ''}) for the next ${model.horizonDays} days.${fallback ? ' Rule-based fallback: treat the order as a rough guide.' : ''}${grouped ? ` Per-group thresholds by ${grouped.applied.groupBy} (fairness settings) decide who is listed.` : ''}`}
    >
      <div className="space-y-5">
        <nav aria-label="Threshold" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600">Threshold:</span>
          {THRESHOLDS.map((t) => (
            <Link
              key={t}
              href={`${base}/${list.path}?min=${t}`}
              aria-current={t === threshold ? 'page' : undefined}
              className={`rounded-md px-2.5 py-1 ring-1 ring-inset ${t === threshold ? 'bg-brand-600 text-white ring-brand-600' : 'text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
            >
              {formatPercent(t)}
            </Link>
          ))}
        </nav>
        {hasPermission(ctx, 'data.write') ? (
          <SaveSegmentForm
            slug={ctx.slug}
            rules={thresholdRules(kind, threshold)}
            defaultName={defaultSegmentName(kind, threshold)}
            description={`Shoppers whose live ${list.scoreHeader.toLowerCase()} is ${formatPercent(threshold)} or more (from the ${list.title} list).`}
          />
        ) : (
          <p className="text-xs text-slate-600">
            Owners, admins and marketers can save this list as a segment.
          </p>
        )}
        {shown.length === 0 ? (
          <EmptyState title="No shopper at or above this threshold">Try a lower threshold.</EmptyState>
        ) : (
          <Table
            caption={`${list.title}: shoppers with ${list.scoreHeader.toLowerCase()} of ${formatPercent(threshold)} or more`}
          >
            <thead>
              <tr>
                <Th>Shopper</Th>
                <Th>Country</Th>
                <Th className="text-right">{list.scoreHeader}</Th>
                <Th>Last order</Th>
                <Th className="text-right">Spent so far</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((r) => {
                return (
                  <tr key={r.id} data-shopper-id={r.id}>
                    <Th scope="row" className="normal-case tracking-normal">
                      <Link
                        href={`/${ctx.slug}/shoppers/${r.id}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {r.name || r.email || `Shopper ${r.id.slice(0, 8)}`}
                      </Link>
                      {r.name && r.email ? (
                        <span className="block text-xs font-normal text-slate-500">{r.email}</span>
                      ) : null}
                    </Th>
                    <Td>{r.country ?? '–'}</Td>
                    <Td className="text-right tabular-nums">
                      {formatPercent(r.score)}{' '}
                      <span className="text-xs text-slate-500">{LEVEL_TEXT[levelOf(r.score)]}</span>
                    </Td>
                    <Td>
                      {r.lastOrderAt ? formatDate(r.lastOrderAt, locale, tenant?.timeZone ?? 'UTC') : '–'}
                    </Td>
                    <Td className="text-right tabular-nums">{r.orders > 0 ? money(r.monetaryMinor) : '–'}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {total !== null && total > shown.length && shown.length === LIST_LIMIT ? (
          <p className="text-xs text-slate-600">
            Showing the top {num(LIST_LIMIT)} of {num(total)}; the segment holds all of them, and the{' '}
            <Link
              href={`/${ctx.slug}/shoppers?sort=${kind}&dir=desc`}
              className="font-medium text-brand-700 underline"
            >
              Shoppers list sorted by {list.scoreHeader.toLowerCase()}
            </Link>{' '}
            pages through them.
          </p>
        ) : null}
      </div>
    </Card>
  );
}
