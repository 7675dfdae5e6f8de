// Stored offline evaluations against a real database, on the synthetic store: the service, the
// queries' tenant scoping, the job through the real job machinery, and queuing with dedupe.
import { beforeAll, describe, expect, it } from 'vitest';
import { runJobHere } from '@/lib/jobs/run-here';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { seedSyntheticStore } from '../serve/test-seed';
import { day } from '../models/test-data';
import { EVALUATE_JOB_TYPE } from './job';
import { getEvaluation, getInteractionSpan, latestReadyByProtocol, listEvaluations } from './queries';
import { defaultCutoff, reportOf, runEvaluation } from './service';
import { startEvaluation } from './start';

const MODELS = ['most-popular', 'recent-popular', 'buy-again', 'item-knn', 'ease', 'hybrid'];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('defaultCutoff', () => {
  it('keeps the last ~22% of the span for testing, at UTC midnight', () => {
    const first = new Date('2024-01-01T10:00:00Z');
    const last = new Date('2024-04-10T10:00:00Z'); // 100 days later
    expect(defaultCutoff({ first, last }).toISOString()).toBe('2024-03-19T00:00:00.000Z');
  });

  it('refuses no data and a span under a week, with the span in the message', () => {
    expect(() => defaultCutoff({ first: null, last: null })).toThrow(/no orders or events/);
    expect(() =>
      defaultCutoff({ first: new Date('2024-01-01T00:00:00Z'), last: new Date('2024-01-04T00:00:00Z') }),
    ).toThrow(/span 3\.0 days \(2024-01-01 to 2024-01-04\).*at least 7 days/);
  });
});

describe.each(testDrivers())('stored evaluations (%s)', { timeout: 300_000 }, (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let shop: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    shop = (await createTestTenant(db(), 'evals')).ctx;
    other = (await createTestTenant(db(), 'evals-other')).ctx;
    await seedSyntheticStore(db(), shop);
  });

  it('evaluates both protocols with the CLI models and keeps each report tenant-scoped', async () => {
    const span = await getInteractionSpan(db(), shop);
    expect(span.first!.getTime()).toBeLessThan(day(7));
    expect(span.last!.getTime()).toBeLessThan(day(110));
    const rows = await runEvaluation(db(), shop, { protocols: ['all', 'new-items'] });
    expect(rows.map((r) => [r.protocol, r.status, r.error])).toEqual([
      ['all', 'ready', null],
      ['new-items', 'ready', null],
    ]);
    const cutoff = defaultCutoff(span);
    for (const row of rows) {
      expect(row.cutoff.toISOString()).toBe(cutoff.toISOString());
      const report = reportOf(row);
      expect(report?.evaluation.rows.map((r) => r.model)).toEqual(MODELS);
      expect(report?.evaluation.protocol).toBe(row.protocol);
      expect(report?.evaluation.shoppers).toBeGreaterThan(100);
      const hybrid = report!.evaluation.rows.at(-1)!;
      expect(hybrid.ci.ndcg10[0]).toBeLessThanOrEqual(hybrid.metrics.ndcg10);
      expect(hybrid.ci.ndcg10[1]).toBeGreaterThanOrEqual(hybrid.metrics.ndcg10);
      expect(hybrid.breakdown.map((b) => b.label)).toEqual(['1-2', '3-5', '6+']);
      expect(report?.margin?.model).toBe('hybrid');
      expect(MODELS.slice(0, -1)).toContain(report?.margin?.baseline);
    }
    // The stored rows round-trip, and the page's "latest" reads them.
    const latest = await latestReadyByProtocol(db(), shop);
    expect([latest.all?.id, latest['new-items']?.id].sort()).toEqual(ids(rows));
    expect(ids(await listEvaluations(db(), shop))).toEqual(ids(rows));
    const one = await getEvaluation(db(), shop, rows[0]!.id);
    expect(reportOf(one!)?.evaluation.cutoff).toBe(cutoff.toISOString());

    // Another workspace sees none of it: by id, as latest, in the list.
    expect(await getEvaluation(db(), other, rows[0]!.id)).toBeNull();
    expect(await latestReadyByProtocol(db(), other)).toEqual({});
    expect(await listEvaluations(db(), other)).toEqual([]);
  });

  it('fails with a clear message when there is too little data, and stores nothing', async () => {
    await expect(runEvaluation(db(), other, { protocols: ['all'] })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/^Too little data to evaluate/),
    });
    expect(await listEvaluations(db(), other)).toEqual([]);
  });

  it('stores a failed row with the reason when the cutoff leaves no training data', async () => {
    const early = new Date(day(-30));
    await expect(runEvaluation(db(), shop, { cutoff: early, protocols: ['all'] })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('leaves nothing to train on'),
    });
    const [row] = await listEvaluations(db(), shop, 1);
    expect(row).toMatchObject({ status: 'failed', protocol: 'all' });
    expect(row?.error).toContain('leaves nothing to train on');
  });

  it('runs as a job: queued once for two clicks, progress, rows tied to the job', async () => {
    const first = await startEvaluation(db(), shop, { cutoff: '' });
    const second = await startEvaluation(db(), shop, {});
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, jobId: first.jobId });
    const messages = new Set<string>();
    const job = await runJobHere(
      db(),
      EVALUATE_JOB_TYPE,
      { tenantId: shop.tenantId, id: first.jobId },
      (p) => {
        if (p.message) messages.add(p.message);
      },
    );
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.progressMessage).toBe('Done');
    expect(job.progressDone).toBe(14);
    const mine = (await listEvaluations(db(), shop)).filter((r) => r.jobId === first.jobId);
    expect(mine.map((r) => [r.protocol, r.status]).sort()).toEqual([
      ['all', 'ready'],
      ['new-items', 'ready'],
    ]);
    // Once finished, the key is free: the next click queues a new evaluation.
    expect((await startEvaluation(db(), shop, {})).created).toBe(true);
  });

  it('fails the job at once, with the reason, when the data cannot be evaluated', async () => {
    const { jobId } = await startEvaluation(db(), other, {});
    const job = await runJobHere(db(), EVALUATE_JOB_TYPE, { tenantId: other.tenantId, id: jobId }, () => {});
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error).toMatch(/^Too little data to evaluate/);
  });

  it('validates the cutoff and refuses members who cannot run jobs', async () => {
    await expect(startEvaluation(db(), shop, { cutoff: '01/03/2024' })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { cutoff: ['Use a date like 2024-03-01.'] },
    });
    await expect(startEvaluation(db(), shop, { cutoff: '2024-02-30' })).rejects.toMatchObject({
      fieldErrors: { cutoff: ['That is not a calendar date.'] },
    });
    await expect(startEvaluation(db(), shop, { cutoff: '2999-01-01' })).rejects.toMatchObject({
      fieldErrors: { cutoff: [expect.stringContaining('must not be in the future')] },
    });
    const viewer = await createTestMember(db(), shop, 'viewer');
    await expect(startEvaluation(db(), viewer, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
