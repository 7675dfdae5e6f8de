import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { JobRow } from '@/lib/jobs/types';
import { JobsTable } from './jobs-table';
import { formatDuration, presentJob } from './present';

// The server actions need Next and Auth.js at runtime; the markup only needs their identity.
vi.mock('@/lib/jobs/actions', () => ({
  cancelJobAction: async () => null,
  retryJobAction: async () => null,
  runCleanupAction: async () => null,
}));

const NOW = Date.parse('2026-03-01T12:00:00Z');
const at = (s: number) => new Date(NOW - s * 1000);

function row(over: Partial<JobRow>): JobRow {
  return {
    tenantId: 't',
    id: '00000000-0000-4000-8000-000000000001',
    type: 'maintenance.cleanup',
    payload: {},
    status: 'queued',
    progressDone: 0,
    progressTotal: null,
    progressMessage: null,
    attempts: 0,
    maxAttempts: 3,
    runAfter: at(60),
    lockedBy: null,
    lockedUntil: null,
    cancelRequested: false,
    checkpoint: null,
    result: null,
    error: null,
    dedupeKey: null,
    createdAt: at(60),
    startedAt: null,
    finishedAt: null,
    ...over,
  };
}

describe('presentJob', () => {
  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(7_440_000)).toBe('2 h 4 min');
  });

  it('describes a running job with known total, and a retrying one with its last error', () => {
    const running = presentJob(
      row({
        status: 'running',
        attempts: 1,
        progressDone: 3,
        progressTotal: 4,
        progressMessage: 'Step 3',
        startedAt: at(30),
      }),
      { now: NOW },
    );
    expect(running).toMatchObject({
      label: 'Workspace clean-up',
      state: { text: 'Running', tone: 'blue' },
      progress: { percent: 75 },
      attempts: '1 of 3',
      duration: '30 s',
      canCancel: true,
      canRetry: false,
    });
    const retrying = presentJob(
      row({ status: 'queued', attempts: 1, error: 'Timed out.', runAfter: new Date(NOW + 20_000) }),
      { now: NOW },
    );
    expect(retrying.state.text).toBe('Retrying');
    expect(retrying.error).toBe('Timed out.');
    expect(retrying.nextTry).toBe('in 20 seconds');
    const failed = presentJob(
      row({ status: 'failed', attempts: 3, error: 'x', startedAt: at(50), finishedAt: at(40) }),
      { now: NOW },
    );
    expect(failed).toMatchObject({ canRetry: true, canCancel: false, duration: '10 s' });
  });
});

describe('JobsTable', () => {
  it('renders an accessible table with a progress bar and row actions', () => {
    const jobs = [
      presentJob(
        row({ status: 'running', attempts: 1, progressDone: 1, progressTotal: 2, startedAt: at(5) }),
        { now: NOW },
      ),
      presentJob(
        row({
          id: '00000000-0000-4000-8000-000000000002',
          type: 'catalog.import',
          status: 'failed',
          error: 'No header row.',
        }),
        { now: NOW },
      ),
    ];
    const html = renderToStaticMarkup(
      createElement(JobsTable, { slug: 'shop', jobs, filtered: false, can: { cancel: true, retry: true } }),
    );
    expect(html).toContain('<caption');
    expect(html).toContain('scope="col"');
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="1"/);
    expect(html).toContain('aria-label="Cancel Workspace clean-up created 1 minute ago"');
    expect(html).toContain('aria-label="Retry catalog.import created 1 minute ago"');
    expect(html).toContain('No header row.');
  });

  it('explains what creates jobs when there are none', () => {
    const html = renderToStaticMarkup(
      createElement(JobsTable, {
        slug: 'shop',
        jobs: [],
        filtered: false,
        can: { cancel: false, retry: false },
      }),
    );
    expect(html).toContain('No jobs yet');
    expect(html).toMatch(/import/i);
  });
});
