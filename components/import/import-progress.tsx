import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { JobActions } from '@/components/jobs/job-actions';
import { formatNumber } from '@/lib/format';
import type { ImportWithJob } from '@/lib/import/queries';

/** The running import: a progress bar over rows (indeterminate while the file is checked). */
export function ImportProgress({
  slug,
  imp,
  canCancel,
  locale,
}: {
  slug: string;
  imp: ImportWithJob;
  canCancel: boolean;
  locale: string;
}) {
  const job = imp.job;
  const total = job?.progressTotal ?? null;
  const done = Math.min(job?.progressDone ?? 0, total ?? Number.MAX_SAFE_INTEGER);
  const percent = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  const message = job?.progressMessage ?? (job?.status === 'queued' ? 'Waiting to start' : 'Starting');
  const text = total ? `${formatNumber(done, locale)} of ${formatNumber(total, locale)} rows` : message;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-slate-800">{message}</p>
        <AutoRefresh active intervalMs={2_000} />
      </div>
      {percent !== null ? (
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={total ?? 100}
          aria-valuenow={done}
          aria-valuetext={`${text} (${percent}%)`}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${percent}%` }} />
        </div>
      ) : (
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuetext={message}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-500/60" />
        </div>
      )}
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-slate-500">
          {percent !== null ? `${text} · ${percent}%` : 'Reading the whole file before writing anything.'}
        </p>
        {imp.jobId ? (
          <JobActions
            slug={slug}
            id={imp.jobId}
            label={`import of ${imp.fileName}`}
            canCancel={canCancel}
            canRetry={false}
          />
        ) : null}
      </div>
    </div>
  );
}
