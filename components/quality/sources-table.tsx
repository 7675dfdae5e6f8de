import { Table, Td, Th } from '@/components/ui/table';
import type { SourceSummary } from '@/lib/quality/service';
import { percent, share, sourceLabel } from './present';

/** One row per source: volumes, duplicates, rejections, bots and the last day with data. */
export function SourcesTable({
  sources,
  format,
  formatDay,
  locale,
}: {
  sources: SourceSummary[];
  format: (n: number) => string;
  formatDay: (day: string) => string;
  locale: string;
}) {
  return (
    <Table caption="Ingestion by source">
      <thead>
        <tr>
          <Th>Source</Th>
          <Th className="text-right">Accepted</Th>
          <Th className="text-right">Duplicates</Th>
          <Th className="text-right">Rejected</Th>
          <Th className="text-right">Rejected share</Th>
          <Th className="text-right">Bots</Th>
          <Th>Last data</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {sources.map((s) => (
          <tr key={s.source}>
            <Td className="font-medium text-slate-900">{sourceLabel(s.source)}</Td>
            <Td className="text-right tabular-nums">{format(s.accepted)}</Td>
            <Td className="text-right tabular-nums">{format(s.duplicates)}</Td>
            <Td className="text-right tabular-nums">{format(s.rejected)}</Td>
            <Td className="text-right tabular-nums">
              {percent(share(s.rejected, s.accepted + s.duplicates + s.rejected), locale)}
            </Td>
            <Td className="text-right tabular-nums">{format(s.bots)}</Td>
            <Td>{s.lastDay ? formatDay(s.lastDay) : '—'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
