import { formatDateTime, formatRelative } from '@/lib/format';
import type { JobRow, JobStatus } from '@/lib/jobs/types';

/** Names shown for job types; an unknown type shows as its identifier. */
const LABELS: Record<string, string> = {
  'maintenance.cleanup': 'Workspace clean-up',
  'import.file': 'File import',
  'connectors.sync': 'Store sync',
  'connectors.sync-all': 'Store sync (hourly)',
  'embeddings.embed': 'Product embeddings',
  'recommend.train': 'Recommendation model training',
  'recommend.evaluate': 'Recommendation evaluation',
  'profiles.rebuild': 'Shopper profiles',
  'segments.discover': 'Segment discovery',
  'segments.snapshot': 'Segment sizes',
  'predict.train': 'Prediction training',
  'privacy.retention': 'Privacy retention',
  'privacy.reencrypt': 'Personal-data encryption',
  'predict.drift': 'Prediction drift check',
  'fairness.recommendations': 'Recommendation fairness report',
  'fairness.predictions': 'Prediction fairness report',
  'ads.generate': 'Generate ad creatives',
};

export function jobLabel(type: string): string {
  return LABELS[type] ?? type;
}

export type BadgeTone = 'gray' | 'green' | 'red' | 'amber' | 'blue';

/** What the table shows for one job: plain strings and numbers, safe to hand to client components. */
export interface JobView {
  id: string;
  type: string;
  label: string;
  status: JobStatus;
  state: { text: string; tone: BadgeTone };
  progress: { done: number; total: number | null; message: string | null; percent: number | null };
  attempts: string;
  duration: string;
  created: string;
  createdRelative: string;
  /** A stored, already-safe message; for a queued job it is the last failed attempt's. */
  error: string | null;
  nextTry: string | null;
  canCancel: boolean;
  canRetry: boolean;
}

/** "850 ms", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

function stateOf(job: JobRow): JobView['state'] {
  switch (job.status) {
    case 'queued':
      return job.attempts > 0 && job.error
        ? { text: 'Retrying', tone: 'amber' }
        : { text: 'Queued', tone: 'gray' };
    case 'running':
      return job.cancelRequested ? { text: 'Cancelling', tone: 'amber' } : { text: 'Running', tone: 'blue' };
    case 'succeeded':
      return { text: 'Succeeded', tone: 'green' };
    case 'failed':
      return { text: 'Failed', tone: 'red' };
    default:
      return { text: 'Cancelled', tone: 'gray' };
  }
}

export function presentJob(job: JobRow, opts: { now: number; locale?: string; timeZone?: string }): JobView {
  const { now, locale = 'en', timeZone = 'UTC' } = opts;
  const status = job.status as JobStatus;
  const total = job.progressTotal;
  const percent =
    total && total > 0
      ? Math.min(100, Math.round((job.progressDone / total) * 100))
      : status === 'succeeded'
        ? 100
        : null;
  const started = job.startedAt?.getTime();
  const end = job.finishedAt?.getTime() ?? (status === 'running' ? now : undefined);
  return {
    id: job.id,
    type: job.type,
    label: jobLabel(job.type),
    status,
    state: stateOf(job),
    progress: { done: job.progressDone, total, message: job.progressMessage, percent },
    attempts: `${job.attempts} of ${job.maxAttempts}`,
    duration: started !== undefined && end !== undefined ? formatDuration(end - started) : '—',
    created: formatDateTime(job.createdAt, locale, timeZone),
    createdRelative: formatRelative(job.createdAt, now, locale),
    error: status === 'succeeded' || status === 'cancelled' ? null : job.error,
    nextTry:
      status === 'queued' && job.runAfter.getTime() > now ? formatRelative(job.runAfter, now, locale) : null,
    canCancel: (status === 'queued' || status === 'running') && !job.cancelRequested,
    canRetry: status === 'failed' || status === 'cancelled',
  };
}
