import { Table, Td, Th } from '@/components/ui/table';

export interface AuditRow {
  id: number;
  when: string;
  iso: string;
  who: string;
  action: string;
  target: string;
  details: [string, string][];
  ip: string;
}

/** Audit entries, newest first. */
export function AuditTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  return (
    <Table caption="Audit log entries">
      <thead>
        <tr>
          <Th>
            When <span className="font-normal normal-case tracking-normal">({timeZone})</span>
          </Th>
          <Th>Who</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Details</Th>
          <Th>IP</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id} className="align-top">
            <Td className="min-w-28 whitespace-normal!">
              <time dateTime={r.iso}>{r.when}</time>
            </Td>
            <Td className="min-w-44 whitespace-normal! wrap-anywhere">{r.who}</Td>
            <Td className="font-medium text-slate-900">{r.action}</Td>
            <Td className="whitespace-normal! wrap-anywhere">{r.target}</Td>
            <Td className="min-w-56 whitespace-normal!">
              {r.details.length ? (
                <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
                  {r.details.map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="text-slate-500">{k}</dt>
                      <dd className="wrap-anywhere text-slate-800">{v}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td className="font-mono text-xs">{r.ip}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
