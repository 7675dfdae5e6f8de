import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';

interface ImportRow {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
  summary: Record<string, unknown> | null;
}

interface ConnectionRow {
  id: string;
  platform: string;
  name: string;
  status: string;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

const STATUS_COLOR: Record<string, 'green' | 'red' | 'amber' | 'gray' | 'blue'> = {
  succeeded: 'green',
  active: 'green',
  failed: 'red',
  error: 'red',
  running: 'blue',
  queued: 'amber',
  disabled: 'gray',
};

const numberIn = (summary: Record<string, unknown> | null, key: string) =>
  typeof summary?.[key] === 'number' ? (summary[key] as number) : null;

/** When data last arrived: the latest imports and each store connection's last sync. */
export function Freshness({
  imports,
  connections,
  when,
  format,
}: {
  imports: ImportRow[];
  connections: ConnectionRow[];
  when: (d: Date | null) => string;
  format: (n: number) => string;
}) {
  return (
    <div className="space-y-4">
      {imports.length === 0 ? (
        <p className="text-sm text-slate-600">No file imports yet.</p>
      ) : (
        <Table caption="Latest file imports">
          <thead>
            <tr>
              <Th>File</Th>
              <Th>Kind</Th>
              <Th>Status</Th>
              <Th className="text-right">Accepted</Th>
              <Th className="text-right">Rejected</Th>
              <Th>Finished</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {imports.map((i) => {
              const accepted = numberIn(i.summary, 'accepted');
              const rejected = numberIn(i.summary, 'rejected');
              return (
                <tr key={i.id}>
                  <Td className="max-w-[14rem] truncate">{i.fileName}</Td>
                  <Td>{i.kind}</Td>
                  <Td>
                    <Badge color={STATUS_COLOR[i.status] ?? 'gray'}>{i.status}</Badge>
                  </Td>
                  <Td className="text-right tabular-nums">{accepted === null ? '—' : format(accepted)}</Td>
                  <Td className="text-right tabular-nums">{rejected === null ? '—' : format(rejected)}</Td>
                  <Td>{i.finishedAt ? when(i.finishedAt) : `started ${when(i.createdAt)}`}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {connections.length === 0 ? (
        <p className="text-sm text-slate-600">No store connected.</p>
      ) : (
        <Table caption="Store connections">
          <thead>
            <tr>
              <Th>Connection</Th>
              <Th>Status</Th>
              <Th>Last successful sync</Th>
              <Th>Last error</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {connections.map((c) => (
              <tr key={c.id}>
                <Td>
                  {c.name} <span className="text-slate-500">({c.platform})</span>
                </Td>
                <Td>
                  <Badge color={STATUS_COLOR[c.status] ?? 'gray'}>{c.status}</Badge>
                </Td>
                <Td>{when(c.lastSuccessAt)}</Td>
                <Td className="max-w-[20rem] whitespace-normal text-slate-600">{c.lastError ?? '—'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
