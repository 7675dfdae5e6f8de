import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { ErasureStep } from '@/lib/privacy/subject-types';

const ACTION_LABELS: Record<ErasureStep['action'], string> = {
  deleted: 'Deleted',
  anonymized: 'Anonymized',
  scrubbed: 'Scrubbed',
  retrain_queued: 'Retraining queued',
  flagged: 'Flagged',
  invalidated: 'Invalidated',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** The proof of an erasure: what each table and artefact lost, and the post-erasure scan. */
function ErasureProof({
  result,
  locale,
  timeZone,
}: {
  result: Record<string, unknown>;
  locale: string;
  timeZone: string;
}) {
  const steps = Array.isArray(result.steps) ? (result.steps as ErasureStep[]) : [];
  const scan = isRecord(result.verification) ? result.verification : null;
  const remaining = typeof scan?.remaining === 'number' ? scan.remaining : null;
  return (
    <div className="space-y-4">
      {typeof result.shoppers === 'number' ? (
        <p className="text-sm text-slate-700">
          Whole store: {formatNumber(result.shoppers)} shoppers erased.
        </p>
      ) : null}
      {scan ? (
        <p className="text-sm text-slate-700" data-testid="erasure-scan">
          Scan after erasure: {formatNumber(Number(scan.tablesScanned ?? 0))} tables searched,{' '}
          <Badge color={remaining === 0 ? 'green' : 'red'}>
            {remaining === 0 ? 'nothing left' : `${remaining} reference${remaining === 1 ? '' : 's'} left`}
          </Badge>{' '}
          <span className="text-slate-500">({formatDateTime(String(scan.at ?? ''), locale, timeZone)})</span>
        </p>
      ) : null}
      {steps.length ? (
        <Table caption="What the erasure removed">
          <thead>
            <tr>
              <Th>Table or artefact</Th>
              <Th>Action</Th>
              <Th className="text-right">Count</Th>
              <Th>Note</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {steps.map((s) => (
              <tr key={`${s.target}-${s.action}`}>
                <Td className="font-mono text-xs">{s.target}</Td>
                <Td>{ACTION_LABELS[s.action] ?? s.action}</Td>
                <Td className="text-right tabular-nums">{formatNumber(s.count)}</Td>
                <Td className="whitespace-normal text-xs text-slate-600">{s.note ?? ''}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {typeof result.durationMs === 'number' ? (
        <p className="text-xs text-slate-500">Took {formatNumber(result.durationMs)} ms.</p>
      ) : null}
    </div>
  );
}

/** What processing produced, per kind; `downloads` are the access export's links (when available). */
export function RequestProof({
  kind,
  result,
  downloads,
  locale,
  timeZone,
}: {
  kind: string;
  result: Record<string, unknown> | null;
  downloads: { label: string; href: string }[];
  locale: string;
  timeZone: string;
}) {
  if (!result) return <p className="text-sm text-slate-600">Nothing processed yet.</p>;
  if (result.noSubject)
    return (
      <p className="text-sm text-slate-700">
        {String(result.note ?? 'Tailor holds no data about this subject.')}
      </p>
    );
  if (kind === 'erasure') return <ErasureProof result={result} locale={locale} timeZone={timeZone} />;
  if (kind === 'access') {
    const sections = Array.isArray(result.sections)
      ? (result.sections as { name: string; rows: number }[])
      : [];
    return (
      <div className="space-y-3">
        <ul className="grid gap-1 text-sm text-slate-700 sm:grid-cols-2">
          {sections.map((s) => (
            <li key={s.name}>
              <span className="font-mono text-xs">{s.name}</span>: {formatNumber(s.rows)} rows
            </li>
          ))}
        </ul>
        {downloads.length ? (
          <ul className="flex flex-wrap gap-3 text-sm">
            {downloads.map((d) => (
              <li key={d.href}>
                <a href={d.href} download className="text-brand-700 hover:underline">
                  {d.label}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">The downloads have expired (30 days after completion).</p>
        )}
      </div>
    );
  }
  if (kind === 'rectification') {
    const fields = Array.isArray(result.fields)
      ? (result.fields as { field: string; before: string; after: string }[])
      : [];
    return (
      <ul className="space-y-1 text-sm text-slate-700">
        {fields.map((f) => (
          <li key={f.field}>
            <span className="font-medium">{f.field}</span>: {f.before === 'set' ? 'corrected' : 'added'}{' '}
            (values are not recorded)
          </li>
        ))}
      </ul>
    );
  }
  return (
    <p className="text-sm text-slate-700">
      Advertising consent withdrawn (source: request) and the shopper flagged “do not sell or share”.
    </p>
  );
}
