import { AutoRefresh } from '@/components/jobs/auto-refresh';
import type { JobView } from '@/components/jobs/present';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatNumber } from '@/lib/format';

export interface RetentionRunView {
  id: string;
  when: string;
  trigger: string;
  removed: [string, number][];
}

export interface PolicyStatusView {
  label: string;
  limit: string;
  oldest: string;
  state: 'off' | 'compliant' | 'overdue';
}

const STATE_BADGE = {
  off: { color: 'gray', text: 'Keep forever' },
  compliant: { color: 'green', text: 'Compliant' },
  overdue: { color: 'red', text: 'Overdue' },
} as const;

/** Each policy against the oldest row it governs. */
export function RetentionStatusTable({ rows }: { rows: PolicyStatusView[] }) {
  return (
    <Table caption="Retention status">
      <thead>
        <tr>
          <Th>Policy</Th>
          <Th>Limit</Th>
          <Th>Oldest still present</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.label}>
            <Td className="whitespace-normal">{r.label}</Td>
            <Td>{r.limit}</Td>
            <Td>{r.oldest}</Td>
            <Td>
              <Badge color={STATE_BADGE[r.state].color}>{STATE_BADGE[r.state].text}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The latest retention job while it is queued or running (the page refreshes itself meanwhile). */
export function RetentionJobProgress({ job }: { job: JobView | null }) {
  if (!job) return null;
  const active = job.status === 'queued' || job.status === 'running';
  return (
    <div className="space-y-2 rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200" role="status">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-800">Latest run</span>
        <Badge color={job.state.tone}>{job.state.text}</Badge>
        <span className="text-slate-600">{job.createdRelative}</span>
        {job.progress.message ? <span className="text-slate-600">· {job.progress.message}</span> : null}
      </p>
      {active && job.progress.percent !== null ? (
        <progress
          className="h-2 w-full"
          max={100}
          value={job.progress.percent}
          aria-label="Retention progress"
        />
      ) : null}
      {job.error ? <p className="text-red-700">{job.error}</p> : null}
      <AutoRefresh active={active} />
    </div>
  );
}

/** Past runs with what each removed, per table. */
export function RetentionRunsTable({ runs }: { runs: RetentionRunView[] }) {
  return (
    <Table caption="Retention runs">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Trigger</Th>
          <Th>Removed</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {runs.map((r) => (
          <tr key={r.id}>
            <Td>{r.when}</Td>
            <Td className="capitalize">{r.trigger}</Td>
            <Td className="whitespace-normal">
              {r.removed.length === 0 ? (
                <span className="text-slate-500">Nothing was past its limit</span>
              ) : (
                <ul className="space-y-0.5">
                  {r.removed.map(([table, n]) => (
                    <li key={table}>
                      <span className="font-mono text-xs">{table}</span>: {formatNumber(n)}
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
