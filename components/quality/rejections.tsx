import { Table, Td, Th } from '@/components/ui/table';
import { reasonLabel, sourceLabel } from './present';

/** The most frequent reasons for refused events and rows, per source. */
export function RejectionsTable({
  reasons,
  importReasons,
  format,
}: {
  reasons: { source: string; reason: string; count: number }[];
  importReasons: { field: string; reason: string; n: number }[];
  format: (n: number) => string;
}) {
  if (reasons.length === 0 && importReasons.length === 0) {
    return <p className="text-sm text-slate-600">Nothing was rejected in this period.</p>;
  }
  return (
    <div className="space-y-4">
      {reasons.length ? (
        <Table caption="Top rejection reasons">
          <thead>
            <tr>
              <Th>Reason</Th>
              <Th>Source</Th>
              <Th className="text-right">Count</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {reasons.map((r) => (
              <tr key={`${r.source}:${r.reason}`}>
                <Td className="whitespace-normal">{reasonLabel(r.reason)}</Td>
                <Td>{sourceLabel(r.source)}</Td>
                <Td className="text-right tabular-nums">{format(r.count)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {importReasons.length ? (
        <Table caption="Rejected import rows by field">
          <thead>
            <tr>
              <Th>Field</Th>
              <Th>Reason</Th>
              <Th className="text-right">Rows</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {importReasons.map((r) => (
              <tr key={`${r.field}:${r.reason}`}>
                <Td>{r.field}</Td>
                <Td className="whitespace-normal">{r.reason}</Td>
                <Td className="text-right tabular-nums">{format(r.n)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}
