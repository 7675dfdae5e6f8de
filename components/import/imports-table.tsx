import Link from 'next/link';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import type { ImportWithJob } from '@/lib/import/queries';
import { FORMAT_LABELS, KIND_LABELS, formatBytes, importState, summaryOf } from './present';

/** Past and running imports of the workspace, newest first, each linking to its page. */
export function ImportsTable({
  slug,
  imports,
  locale,
  timeZone,
}: {
  slug: string;
  imports: ImportWithJob[];
  locale: string;
  timeZone: string;
}) {
  if (imports.length === 0) {
    return (
      <EmptyState title="No imports yet">
        Upload a CSV, JSON or NDJSON file of products, customers, orders or events above. You will see how its
        columns map to Tailor's fields and check the first rows before anything is written. Exports in the UCI
        Online Retail format are recognized as they are.
      </EmptyState>
    );
  }
  const now = Date.now();
  return (
    <Table caption="Imports, newest first">
      <thead>
        <tr>
          <Th>File</Th>
          <Th>Kind</Th>
          <Th>Status</Th>
          <Th className="text-right">Rows</Th>
          <Th className="text-right">Rejected</Th>
          <Th>Uploaded</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {imports.map((imp) => {
          const state = importState(imp);
          const summary = summaryOf(imp);
          const rows = summary?.rows ?? imp.job?.progressTotal ?? null;
          return (
            <tr key={imp.id}>
              <Td className="max-w-[20rem] whitespace-normal">
                <Link href={`/${slug}/import/${imp.id}`} className="font-medium text-brand-700 underline">
                  {imp.fileName}
                </Link>
                <p className="text-xs text-slate-500">
                  {FORMAT_LABELS[imp.format] ?? imp.format} · {formatBytes(imp.sizeBytes)}
                </p>
              </Td>
              <Td>{KIND_LABELS[imp.kind] ?? imp.kind}</Td>
              <Td>
                <Badge color={state.tone}>{state.text}</Badge>
              </Td>
              <Td className="text-right tabular-nums">
                {rows === null
                  ? '—'
                  : state.active
                    ? `${formatNumber(imp.rowsDone, locale)} / ${formatNumber(rows, locale)}`
                    : formatNumber(rows, locale)}
              </Td>
              <Td className="text-right tabular-nums">
                {summary ? formatNumber(summary.rejected, locale) : '—'}
              </Td>
              <Td>
                <time title={formatDateTime(imp.createdAt, locale, timeZone)}>
                  {formatRelative(imp.createdAt, now, locale)}
                </time>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
