import { Table, Td, Th } from '@/components/ui/table';
import { percent, share } from './present';

export interface Gap {
  data: string;
  field: string;
  missing: number;
  total: number;
}

/** Missing-field rates: what recommendations and ads will lack. Worst first. */
export function CompletenessTable({
  gaps,
  format,
  locale,
}: {
  gaps: Gap[];
  format: (n: number) => string;
  locale: string;
}) {
  const rows = gaps
    .filter((g) => g.total > 0)
    .sort((a, b) => (share(b.missing, b.total) ?? 0) - (share(a.missing, a.total) ?? 0));
  if (rows.length === 0)
    return <p className="text-sm text-slate-600">No products, customers or events yet.</p>;
  return (
    <Table caption="Missing fields" dense>
      <thead>
        <tr>
          <Th>Without</Th>
          <Th className="text-right">Count</Th>
          <Th className="text-right">Share</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((g) => {
          const s = share(g.missing, g.total) ?? 0;
          return (
            <tr key={`${g.data}:${g.field}`}>
              <Td className="whitespace-normal">
                {g.data}: <span className="font-medium text-slate-900">{g.field}</span>
              </Td>
              <Td className="text-right tabular-nums">
                {format(g.missing)} of {format(g.total)}
              </Td>
              <Td className="text-right tabular-nums">
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden="true"
                    className="inline-block h-1.5 w-16 overflow-hidden rounded bg-slate-100"
                  >
                    <span
                      className={`block h-full ${s > 0.5 ? 'bg-red-500' : s > 0.1 ? 'bg-amber-500' : 'bg-emerald-500'}`}
                      style={{ width: `${Math.round(s * 100)}%` }}
                    />
                  </span>
                  {percent(s, locale)}
                </span>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
