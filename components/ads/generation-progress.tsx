import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { Badge } from '@/components/ui/card';

/** The campaign's latest generation job, as plain values for the page. */
export interface GenerationJobView {
  status: string;
  /** Slots done and the slot count (segment × language × channel). */
  done: number;
  total: number | null;
  message: string | null;
  /** "2 min ago" */
  started: string | null;
  error: string | null;
}

/**
 * Progress of the latest generation run: slots done of all while it runs (the page refreshes
 * itself and the status line is announced politely), else its outcome.
 */
export function GenerationProgress({ job }: { job: GenerationJobView | null }) {
  if (!job) return <p className="text-sm text-slate-600">No generation run yet.</p>;
  const active = job.status === 'queued' || job.status === 'running';
  const total = job.total && job.total > 0 ? job.total : null;
  const text = active
    ? job.status === 'queued'
      ? 'Generation queued, waiting to start.'
      : `Generating: ${Math.min(job.done, total ?? job.done)}${total ? ` of ${total}` : ''} slots done${job.message ? ` · ${job.message}` : ''}.`
    : job.status === 'succeeded'
      ? `Last generation${job.started ? ` (started ${job.started})` : ''} finished: ${job.done} ${job.done === 1 ? 'slot' : 'slots'}.`
      : `Last generation${job.started ? ` (started ${job.started})` : ''} ${job.status === 'failed' ? 'failed' : 'was cancelled'}.`;
  const pct = total ? Math.min(100, Math.round((job.done / total) * 100)) : 0;
  return (
    <div className="space-y-2" data-testid="generation-progress">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" aria-live="polite" className="text-sm text-slate-800">
          {!active ? (
            <Badge color={job.status === 'succeeded' ? 'green' : job.status === 'failed' ? 'red' : 'gray'}>
              {job.status === 'succeeded' ? 'Done' : job.status === 'failed' ? 'Failed' : 'Cancelled'}
            </Badge>
          ) : null}{' '}
          {text}
        </p>
        <AutoRefresh active={active} intervalMs={2_000} />
      </div>
      {active ? (
        <div
          role="progressbar"
          aria-label="Generation progress"
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
      ) : null}
      {job.error ? <p className="text-sm text-red-800">{job.error}</p> : null}
    </div>
  );
}
