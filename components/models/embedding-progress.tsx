import { skipReasonText } from '@/components/catalog/present';
import { AutoRefresh } from '@/components/jobs/auto-refresh';
import { Badge } from '@/components/ui/card';

export interface ProductCounts {
  /** Active products (the ones that should have a vector or a skip reason). */
  active: number;
  /** With a current vector in the live space. */
  embedded: number;
  /** With a vector made from an older text. */
  stale: number;
  /** With no vector in the live space yet. */
  missing: number;
  skipped: Record<string, number>;
}

export interface EmbedJobView {
  status: string;
  done: number;
  total: number | null;
  message: string | null;
  /** "2 min ago" */
  started: string | null;
  error: string | null;
}

function ProgressBar({
  label,
  value,
  max,
  text,
}: {
  label: string;
  value: number;
  max: number;
  text: string;
}) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={text}
      className="h-2.5 overflow-hidden rounded-full bg-slate-200"
    >
      <div className="h-full rounded-full bg-brand-500 transition-all" style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Products embedded out of those to embed, what is stale, missing or skipped, and the last run. */
export function EmbeddingCoverage({
  counts,
  lastEmbedded,
  format,
}: {
  counts: ProductCounts;
  lastEmbedded: string;
  format: (n: number) => string;
}) {
  const skipped = Object.entries(counts.skipped).filter(([, n]) => n > 0);
  const skippedTotal = skipped.reduce((s, [, n]) => s + n, 0);
  const target = Math.max(0, counts.active - skippedTotal);
  const pct = target > 0 ? Math.round((counts.embedded / target) * 100) : 100;
  const complete = counts.missing === 0 && counts.stale === 0;
  const summary =
    target === 0
      ? 'No products to embed'
      : complete
        ? `All ${format(target)} products embedded`
        : `${format(counts.embedded)} of ${format(target)} products embedded (${pct} %)`;
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          <span>{summary}</span>
          {target > 0 ? (
            <Badge color={complete ? 'green' : 'amber'}>{complete ? 'Up to date' : 'Behind'}</Badge>
          ) : null}
        </p>
        <ProgressBar label="Products embedded" value={counts.embedded} max={target} text={summary} />
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <div>
          <dt className="text-xs font-medium text-slate-600">Active products</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{format(counts.active)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Stale (text changed)</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{format(counts.stale)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Not embedded yet</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{format(counts.missing)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-600">Last embedded</dt>
          <dd className="text-sm font-medium text-slate-900">{lastEmbedded}</dd>
        </div>
      </dl>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Skipped</h3>
        {skipped.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No product was skipped.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
            {skipped.map(([reason, n]) => (
              <li key={reason}>
                {format(n)} {n === 1 ? 'product' : 'products'}: {skipReasonText(reason)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The latest embedding job: its progress while it runs (the page refreshes itself), else its outcome. */
export function EmbedJobProgress({ job, format }: { job: EmbedJobView; format: (n: number) => string }) {
  const active = job.status === 'queued' || job.status === 'running';
  if (!active) {
    return (
      <p className="text-sm text-slate-700">
        Last run{job.started ? ` started ${job.started}` : ''}:{' '}
        <Badge color={job.status === 'succeeded' ? 'green' : job.status === 'failed' ? 'red' : 'gray'}>
          {job.status === 'succeeded' ? 'Succeeded' : job.status === 'failed' ? 'Failed' : 'Cancelled'}
        </Badge>
        {job.error ? <span className="mt-1 block text-red-800">{job.error}</span> : null}
      </p>
    );
  }
  const text =
    job.total && job.total > 0
      ? `${format(Math.min(job.done, job.total))} of ${format(job.total)} products`
      : (job.message ?? (job.status === 'queued' ? 'Waiting to start' : 'Starting'));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-slate-800">
          {job.status === 'queued' ? 'Embedding run queued' : 'Embedding run in progress'}
          {job.message && job.total ? ` · ${job.message}` : ''}
        </p>
        <AutoRefresh active intervalMs={2_000} />
      </div>
      {job.total && job.total > 0 ? (
        <ProgressBar label="Embedding run progress" value={job.done} max={job.total} text={text} />
      ) : (
        <div
          role="progressbar"
          aria-label="Embedding run progress"
          aria-valuetext={text}
          className="h-2.5 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full w-1/3 animate-pulse rounded-full bg-brand-500/60" />
        </div>
      )}
      <p className="text-xs text-slate-500">{text}</p>
    </div>
  );
}
