import Link from 'next/link';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { JOB_STATUSES, type JobStatus } from '@/lib/jobs/types';
import { JobActions } from './job-actions';
import type { JobView } from './present';

function ProgressCell({ job }: { job: JobView }) {
  const { done, total, message, percent } = job.progress;
  const name = `Progress of ${job.label}`;
  const text = total !== null ? `${done} / ${total}` : done > 0 ? `${done}` : '';
  const showBar = job.status === 'running' || job.status === 'queued' || percent !== null;
  return (
    <div className="w-44">
      {showBar ? (
        percent !== null ? (
          <div
            role="progressbar"
            aria-label={name}
            aria-valuemin={0}
            aria-valuemax={total ?? 100}
            aria-valuenow={total !== null ? Math.min(done, total) : 100}
            aria-valuetext={message ? `${text} — ${message}` : text || undefined}
            className="h-1.5 overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={`h-full rounded-full ${job.status === 'failed' ? 'bg-red-400' : 'bg-brand-500'}`}
              style={{ width: `${percent}%` }}
            />
          </div>
        ) : (
          // Total unknown: an indeterminate bar (no aria-valuenow), per the ARIA progressbar pattern.
          <div
            role="progressbar"
            aria-label={name}
            className="h-1.5 overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={`h-full w-1/3 rounded-full bg-brand-500/60 ${job.status === 'running' ? 'animate-pulse' : ''}`}
            />
          </div>
        )
      ) : null}
      <p className="mt-1 truncate text-xs text-slate-500" title={message ?? undefined}>
        {[text, message].filter(Boolean).join(' · ') || '—'}
      </p>
    </div>
  );
}

/** Status filter links above the table; the current one is marked for assistive tech. */
export function JobStatusFilter({ slug, current }: { slug: string; current: JobStatus | null }) {
  const items: { label: string; status: JobStatus | null }[] = [
    { label: 'All', status: null },
    ...JOB_STATUSES.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), status: s })),
  ];
  return (
    <nav aria-label="Filter jobs by status" className="mb-4 flex flex-wrap gap-1">
      {items.map((i) => {
        const active = i.status === current;
        return (
          <Link
            key={i.label}
            href={i.status ? `/${slug}/jobs?status=${i.status}` : `/${slug}/jobs`}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-2.5 py-1 text-sm ${active ? 'bg-slate-900 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {i.label}
          </Link>
        );
      })}
    </nav>
  );
}

/**
 * The jobs of a workspace: type, state, progress, attempts, duration, when created and the
 * last error, with Cancel/Retry where the viewer may use them.
 */
export function JobsTable({
  slug,
  jobs,
  filtered,
  can,
}: {
  slug: string;
  jobs: JobView[];
  /** A status filter is applied (changes the empty-state text). */
  filtered: boolean;
  can: { cancel: boolean; retry: boolean };
}) {
  if (jobs.length === 0) {
    return filtered ? (
      <EmptyState title="No jobs with this status">
        Choose “All” to see every job of this workspace.
      </EmptyState>
    ) : (
      <EmptyState title="No jobs yet">
        Long-running work appears here with its progress: importing and syncing store data, computing
        embeddings, training and scoring models, and scheduled housekeeping such as the nightly workspace
        clean-up. Jobs start from those features, on their schedules, or with “Run clean-up now”.
      </EmptyState>
    );
  }
  const showActions = can.cancel || can.retry;
  return (
    <Table caption="Background jobs, newest first">
      <thead>
        <tr>
          <Th>Job</Th>
          <Th>Status</Th>
          <Th>Progress</Th>
          <Th className="text-right">Attempts</Th>
          <Th className="text-right">Duration</Th>
          <Th>Created</Th>
          {showActions ? (
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {jobs.map((job) => (
          <tr key={job.id} className="align-top">
            <Td className="max-w-[18rem] whitespace-normal">
              <p className="font-medium text-slate-900">{job.label}</p>
              {job.label !== job.type ? <p className="font-mono text-xs text-slate-500">{job.type}</p> : null}
              {job.error ? (
                <p className="mt-1 text-xs text-red-700">
                  {job.status === 'queued' ? 'Last attempt failed: ' : ''}
                  {job.error}
                  {job.nextTry ? ` Next try ${job.nextTry}.` : ''}
                </p>
              ) : null}
            </Td>
            <Td>
              <Badge color={job.state.tone}>{job.state.text}</Badge>
            </Td>
            <Td>
              <ProgressCell job={job} />
            </Td>
            <Td className="text-right tabular-nums">{job.attempts}</Td>
            <Td className="text-right tabular-nums">{job.duration}</Td>
            <Td>
              <time title={job.created}>{job.createdRelative}</time>
            </Td>
            {showActions ? (
              <Td className="text-right">
                <JobActions
                  slug={slug}
                  id={job.id}
                  label={`${job.label} created ${job.createdRelative}`}
                  canCancel={can.cancel && job.canCancel}
                  canRetry={can.retry && job.canRetry}
                />
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
