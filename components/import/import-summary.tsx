import { Table, Td, Th } from '@/components/ui/table';
import { formatNumber } from '@/lib/format';
import type { ImportSummary as Summary } from '@/lib/import/summary';

const ENTITY_ROWS: { key: keyof Summary['counts']; label: string }[] = [
  { key: 'products', label: 'Products' },
  { key: 'shoppers', label: 'Customers' },
  { key: 'orders', label: 'Orders' },
  { key: 'cancellations', label: 'of which cancellations (returned)' },
  { key: 'guestOrders', label: 'of which guest orders' },
  { key: 'events', label: 'Events' },
];

function Stat({ label, value, locale }: { label: string; value: number; locale: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums text-slate-900">
        {formatNumber(value, locale)}
      </dd>
    </div>
  );
}

/** What an import did: rows accepted and rejected, records new/changed/unchanged, per entity, and why rows were refused. */
export function ImportSummary({
  summary,
  kind,
  errorsHref,
  locale,
}: {
  summary: Summary;
  /** The import's kind: its row is always shown, others only when the file had some. */
  kind: string;
  errorsHref: string;
  locale: string;
}) {
  const primary = kind === 'shoppers' ? 'shoppers' : kind;
  const entities = ENTITY_ROWS.filter((e) => summary.counts[e.key] > 0 || e.key === primary);
  const write = (key: keyof Summary['counts']) =>
    key === 'products' || key === 'shoppers' || key === 'orders' ? summary.entities[key] : null;
  const reasons = Object.entries(summary.reasons);
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label="Rows accepted" value={summary.accepted} locale={locale} />
        <Stat label="New records" value={summary.inserted} locale={locale} />
        <Stat label="Updated" value={summary.updated} locale={locale} />
        <Stat label="Unchanged" value={summary.unchanged} locale={locale} />
        <Stat label="Rows rejected" value={summary.rejected} locale={locale} />
      </dl>
      {summary.inserted === 0 && summary.updated === 0 && summary.unchanged > 0 ? (
        <p role="status" className="text-sm text-slate-700">
          Everything in this file was already imported: nothing changed.
        </p>
      ) : null}
      {summary.skipped > 0 ? (
        <p className="text-sm text-slate-600">
          {formatNumber(summary.skipped, locale)} rows repeated an ID that appears again later in the file;
          the later row was imported.
        </p>
      ) : null}
      <Table caption="Records in this file, by kind">
        <thead>
          <tr>
            <Th>Kind</Th>
            <Th className="text-right">In the file</Th>
            <Th className="text-right">New</Th>
            <Th className="text-right">Updated</Th>
            <Th className="text-right">Unchanged</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entities.map((e) => {
            const w = write(e.key);
            const ev = e.key === 'events' ? summary.entities.events : null;
            return (
              <tr key={e.key}>
                <Td>{e.label}</Td>
                <Td className="text-right tabular-nums">{formatNumber(summary.counts[e.key], locale)}</Td>
                <Td className="text-right tabular-nums">
                  {w ? formatNumber(w.inserted, locale) : ev ? formatNumber(ev.inserted, locale) : '—'}
                </Td>
                <Td className="text-right tabular-nums">{w ? formatNumber(w.updated, locale) : '—'}</Td>
                <Td className="text-right tabular-nums">
                  {w ? formatNumber(w.unchanged, locale) : ev ? formatNumber(ev.duplicates, locale) : '—'}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {reasons.length > 0 ? (
        <section aria-labelledby="reasons-heading" className="space-y-2">
          <h3 id="reasons-heading" className="text-sm font-semibold text-slate-900">
            Why rows were rejected
          </h3>
          <ul className="space-y-1 text-sm text-slate-700">
            {reasons.map(([reason, n]) => (
              <li key={reason}>
                <span className="tabular-nums font-medium">{formatNumber(n, locale)}</span> × {reason}
              </li>
            ))}
          </ul>
          <a href={errorsHref} download className="inline-block text-sm font-medium text-brand-700 underline">
            Download the error report (CSV: row, field, reason)
          </a>
        </section>
      ) : null}
    </div>
  );
}
