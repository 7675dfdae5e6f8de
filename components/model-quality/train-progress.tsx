import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { Badge } from '@/components/ui/card';

export interface TrainJobProgressView {
  status: string;
  done: number;
  total: number | null;
  message: string | null;
  /** "2 min ago" */
  started: string | null;
  error: string | null;
}

/**
 * The latest job of a kind (training by default): its phase while it runs (the page refreshes
 * itself), else its outcome. `what` names the job in sentences ("Training", "Evaluation").
 */
export function TrainJobProgress({ job, what = 'Training' }: { job: TrainJobProgressView; what?: string }) {
  const active = job.status === 'queued' || job.status === 'running';
  if (!active) {
    return (
      <p className="text-sm text-slate-700">
        Last {what.toLowerCase()}
        {job.started ? ` started ${job.started}` : ''}:{' '}
        <Badge color={job.status === 'succeeded' ? 'green' : job.status === 'failed' ? 'red' : 'gray'}>
          {job.status === 'succeeded' ? 'Succeeded' : job.status === 'failed' ? 'Failed' : 'Cancelled'}
        </Badge>
        {job.error ? <span className="mt-1 block text-red-800">{job.error}</span> : null}
      </p>
    );
  }
  const total = job.total && job.total > 0 ? job.total : null;
  const text = job.message ?? (job.status === 'queued' ? 'Waiting to start' : 'Starting');
  const pct = total ? Math.min(100, Math.round((job.done / total) * 100)) : 0;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-slate-800">
          {what} {job.status === 'queued' ? 'queued' : 'in progress'}
          {total ? ` · step ${Math.min(job.done + 1, total)} of ${total}` : ''}
        </p>
        <AutoRefresh active intervalMs={2_000} />
      </div>
      <div
        role="progressbar"
        aria-label={`${what} progress`}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? Math.min(job.done, total) : undefined}
        aria-valuetext={text}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        {total ? (
          <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${pct}%` }} />
        ) : (
          <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-500/60" />
        )}
      </div>
      <p className="text-xs text-slate-500">{text}</p>
    </div>
  );
}
