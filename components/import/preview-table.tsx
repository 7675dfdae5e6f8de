import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { PreviewRow } from '@/lib/import/preview';

/** The first rows of a file as the current mapping reads them, each with its problems. */
export function PreviewTable({
  fields,
  rows,
}: {
  fields: { key: string; label: string }[];
  rows: PreviewRow[];
}) {
  if (rows.length === 0) {
    return <EmptyState title="No data rows">The file has a header but no rows to import.</EmptyState>;
  }
  const shown = fields.filter((f) => rows.some((r) => f.key in r.cells));
  return (
    <Table caption="Preview of the first rows with the chosen mapping">
      <thead>
        <tr>
          <Th className="text-right">Row</Th>
          {shown.map((f) => (
            <Th key={f.key}>{f.label}</Th>
          ))}
          <Th>Check</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.rowNo} className="align-top">
            <Td className="text-right tabular-nums">{r.rowNo}</Td>
            {shown.map((f) => (
              <Td key={f.key} className="max-w-[14rem] truncate" title={r.cells[f.key]}>
                {r.cells[f.key] ?? ''}
              </Td>
            ))}
            <Td className="min-w-[14rem] whitespace-normal">
              {r.issues.length === 0 ? (
                <Badge color="green">OK</Badge>
              ) : (
                <ul className="space-y-0.5 text-xs text-red-700">
                  {r.issues.map((i) => (
                    <li key={`${i.field}:${i.reason}`}>
                      <span className="font-medium">{i.field}</span>: {i.reason}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
