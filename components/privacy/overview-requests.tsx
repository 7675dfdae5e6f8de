import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

export interface RequestRowView {
  id: string;
  kind: string;
  status: string;
  regulation: string;
  created: string;
  due: string;
  overdue: boolean;
  proof: string | null;
}

const STATUS_COLOR: Record<string, 'gray' | 'blue' | 'green' | 'red' | 'amber'> = {
  received: 'gray',
  verified: 'blue',
  in_progress: 'amber',
  completed: 'green',
  rejected: 'red',
};

const words = (s: string) => s.replace(/_/g, ' ');

/** Recent data subject requests with their due dates and proof summaries. */
export function RecentRequestsTable({ rows, basePath }: { rows: RequestRowView[]; basePath: string }) {
  return (
    <Table caption="Recent data subject requests">
      <thead>
        <tr>
          <Th>Kind</Th>
          <Th>Status</Th>
          <Th>Law</Th>
          <Th>Received</Th>
          <Th>Due</Th>
          <Th>Proof</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="capitalize">
              <a className="text-brand-700 underline-offset-2 hover:underline" href={`${basePath}/${r.id}`}>
                {words(r.kind)}
              </a>
            </Td>
            <Td>
              <Badge color={STATUS_COLOR[r.status] ?? 'gray'}>{words(r.status)}</Badge>
            </Td>
            <Td className="uppercase">{words(r.regulation)}</Td>
            <Td>{r.created}</Td>
            <Td>{r.overdue ? <Badge color="red">Overdue · {r.due}</Badge> : r.due}</Td>
            <Td className="min-w-64 whitespace-normal text-xs">{r.proof ?? '—'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
