// Generation runs (directly and as the 'ads.generate' job), regeneration of one slot, the creative
// lifecycle (approve / pause / resume / reject / edit through the guardrails) and CSV exports.
// A fake generator keeps the copy deterministic; the template engine has its own tests.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { adCreatives, auditLog } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { runJobHere } from '@/lib/jobs/run-here';
import { JobAbortError, JobError } from '@/lib/jobs/types';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { type RunCheckpoint, runGeneration } from './run';
import {
  approveCreative,
  createCampaign,
  editCreative,
  exportCampaignCsv,
  getCampaign,
  listCreatives,
  pauseCreative,
  rejectCreative,
  resumeCreative,
  startGeneration,
  updateAdSettings,
} from './service';
import { type AdsStore, fakeGenerator, seedAdsStore } from './test-fixture';
import { GeneratorError } from './types';

vi.mock('./generate/registry', async () => {
  const { fakeGenerator: fake } = await import('./test-fixture');
  return { resolveGenerator: () => fake() };
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(testDrivers())('ads generation and creatives (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let shop: TenantContext;
  let other: TenantContext;
  let store: AdsStore;
  const newCampaign = async (name: string, channels = ['google-rsa', 'meta']) =>
    createCampaign(db(), shop, {
      name,
      objective: 'sales',
      segmentIds: [store.vipSegmentId],
      locales: ['en', 'de'],
      channels,
    });

  beforeAll(async () => {
    shop = (await createTestTenant(db(), 'ads-gen')).ctx;
    other = (await createTestTenant(db(), 'ads-gen-other')).ctx;
    store = await seedAdsStore(db(), shop);
    await updateAdSettings(db(), shop, { provider: 'template', bannedWords: 'forbidden' });
  }, 60_000);

  it('generates every slot, stores passing candidates with their generation, reports progress', async () => {
    const campaign = await newCampaign('Run');
    const progress: string[] = [];
    const summary = await runGeneration(
      db(),
      shop,
      { campaignId: campaign.id },
      {
        runId: 'run-1',
        generator: fakeGenerator(),
        progress: (done, total, message) => progress.push(`${done}/${total} ${message}`),
      },
    );
    expect(summary).toMatchObject({
      slots: 4,
      accepted: 8,
      errors: 0,
      provider: 'template',
      model: 'fake:v1',
    });
    expect(progress).toHaveLength(4);
    expect(progress[0]).toMatch(/^1\/4 VIP · en · google-rsa: 2 kept/);
    const creatives = await listCreatives(db(), shop, campaign.id);
    expect(creatives).toHaveLength(8);
    for (const c of creatives) {
      expect(c).toMatchObject({
        status: 'candidate',
        passed: true,
        segmentId: store.vipSegmentId,
        segmentName: 'VIP',
      });
      expect(c.generation).toMatchObject({ provider: 'template', model: 'fake:v1', runId: 'run-1' });
      expect(c.generation.attempt).toBeGreaterThanOrEqual(1);
      expect(c.checks.map((k) => k.check)).toContain('catalog_facts');
    }
    const de = await listCreatives(db(), shop, campaign.id, { locale: 'de', channel: 'google-rsa' });
    expect(de).toHaveLength(2);
    expect(de[0]?.fields.headlines?.[0]).toMatch(/^Die \S+ \S+ Wahl$/);
    expect(de[0]?.productIds).toEqual([store.products.linen]);
    expect(de[0]?.productTitles).toEqual(['Linen Shirt']);
    expect((await getCampaign(db(), shop, campaign.id))?.lastGeneratedAt).toBeInstanceOf(Date);
    expect((await errorOf(listCreatives(db(), other, campaign.id))).code).toBe('not_found');
  });

  it('resumes after a stop without generating or storing a finished slot twice', async () => {
    const campaign = await newCampaign('Resume');
    let saved: RunCheckpoint | null = null;
    let slotsStarted = 0;
    const first = fakeGenerator();
    await expect(
      runGeneration(
        db(),
        shop,
        { campaignId: campaign.id },
        {
          runId: 'job-r',
          generator: first,
          throwIfCancelled: () => {
            slotsStarted += 1;
            if (slotsStarted === 3) throw new JobAbortError('cancelled');
          },
          saveCheckpoint: async (value) => {
            saved = value;
          },
        },
      ),
    ).rejects.toThrow(JobAbortError);
    expect(saved).toMatchObject({
      done: [expect.stringContaining('|en|google-rsa'), expect.stringContaining('|en|meta')],
      accepted: 4,
    });
    expect(await listCreatives(db(), shop, campaign.id)).toHaveLength(4);
    const second = fakeGenerator();
    const summary = await runGeneration(
      db(),
      shop,
      { campaignId: campaign.id },
      { runId: 'job-r', generator: second, resume: saved },
    );
    expect(second.locales.length).toBeGreaterThan(0);
    expect(new Set(second.locales)).toEqual(new Set(['de'])); // only the two unfinished (de) slots
    expect(summary.accepted).toBe(8);
    const all = await listCreatives(db(), shop, campaign.id);
    expect(all).toHaveLength(8);
    expect(new Set(all.map((c) => `${c.locale}|${c.channel}`)).size).toBe(4);
  });

  it('fails the run with the provider’s message when every slot fails', async () => {
    const campaign = await newCampaign('Down', ['email']);
    const failing = fakeGenerator({
      fail: new GeneratorError('unreachable', 'The endpoint did not answer.'),
    });
    const run = runGeneration(db(), shop, { campaignId: campaign.id }, { runId: 'x', generator: failing });
    await expect(run).rejects.toThrow(JobError);
    await expect(
      runGeneration(db(), shop, { campaignId: campaign.id }, { runId: 'y', generator: failing }),
    ).rejects.toThrow('The template provider failed: The endpoint did not answer.');
  });

  it('runs as a deduplicated, audited job and regenerates one slot keeping approved creatives', async () => {
    const campaign = await newCampaign('Job');
    const started = await startGeneration(db(), shop, campaign.id);
    expect(await startGeneration(db(), shop, campaign.id)).toEqual({ jobId: started.jobId, created: false });
    expect((await errorOf(startGeneration(db(), other, campaign.id))).code).toBe('not_found');
    const badSlot = [{ segmentId: null, locale: 'en', channel: 'google-rsa' }];
    expect((await errorOf(startGeneration(db(), shop, campaign.id, { slots: badSlot }))).code).toBe(
      'validation_failed',
    );
    const job = await runJobHere(
      db(),
      'ads.generate',
      { tenantId: shop.tenantId, id: started.jobId },
      () => undefined,
    );
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ slots: 4, accepted: 8 });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, shop.tenantId), eq(auditLog.targetId, started.jobId)));
    expect(audit).toMatchObject({
      action: 'job.started',
      details: { type: 'ads.generate', campaignId: campaign.id },
    });

    const slot = { segmentId: store.vipSegmentId, locale: 'en', channel: 'google-rsa' } as const;
    const before = await listCreatives(db(), shop, campaign.id, slot);
    const kept = before[0]!;
    await approveCreative(db(), shop, kept.id);
    const untouched = (await listCreatives(db(), shop, campaign.id, { locale: 'de' }))
      .map((c) => c.id)
      .sort();
    const again = await startGeneration(db(), shop, campaign.id, { slots: [slot] });
    expect(again.created).toBe(true);
    expect(
      (await runJobHere(db(), 'ads.generate', { tenantId: shop.tenantId, id: again.jobId }, () => undefined))
        .status,
    ).toBe('succeeded');
    const after = await listCreatives(db(), shop, campaign.id, slot);
    expect(after.find((c) => c.id === kept.id)?.status).toBe('approved');
    expect(after.filter((c) => c.status === 'candidate')).toHaveLength(2);
    expect(after.some((c) => c.id === before[1]!.id)).toBe(false);
    expect((await listCreatives(db(), shop, campaign.id, { locale: 'de' })).map((c) => c.id).sort()).toEqual(
      untouched,
    );
  });

  it('approves, pauses, resumes and rejects; edits pass the guardrails or are refused', async () => {
    const campaign = await newCampaign('Life', ['google-rsa']);
    await runGeneration(
      db(),
      shop,
      { campaignId: campaign.id },
      { runId: 'life', generator: fakeGenerator() },
    );
    const [a, b] = await listCreatives(db(), shop, campaign.id, { locale: 'en' });
    if (!a || !b) throw new Error('expected two creatives');
    expect((await errorOf(pauseCreative(db(), shop, a.id))).code).toBe('conflict');
    expect((await approveCreative(db(), shop, a.id)).status).toBe('approved');
    expect((await errorOf(approveCreative(db(), shop, a.id))).code).toBe('conflict');
    expect((await pauseCreative(db(), shop, a.id)).pausedReason).toMatch(/^Paused by /);
    expect((await resumeCreative(db(), shop, a.id)).status).toBe('approved');
    expect((await rejectCreative(db(), shop, b.id)).status).toBe('rejected');
    for (const op of [approveCreative, pauseCreative, rejectCreative]) {
      expect((await errorOf(op(db(), other, a.id))).code).toBe('not_found');
    }

    const refused = await editCreative(db(), shop, a.id, {
      headlines: ['Linen Shirt', 'A forbidden deal', 'The calm choice'],
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.failed.map((f) => f.check)).toContain('banned_words');
    const price = await editCreative(
      db(),
      shop,
      a.id,
      JSON.stringify({ headlines: ['Linen Shirt', 'Now only €12.00', 'The calm choice'] }),
    );
    expect(price.ok).toBe(false);
    if (!price.ok) expect(price.failed.map((f) => f.check)).toContain('catalog_facts');
    const [unchanged] = await db().select().from(adCreatives).where(eq(adCreatives.id, a.id));
    expect(unchanged?.edited).toBe(false);
    expect((await errorOf(editCreative(db(), shop, a.id, { primaryText: ['x'] }))).code).toBe(
      'validation_failed',
    );
    expect((await errorOf(editCreative(db(), other, a.id, { headlines: ['x'] }))).code).toBe('not_found');

    const ok = await editCreative(db(), shop, a.id, {
      headlines: ['Linen Shirt', 'Summer in linen', 'Light and airy shirts', ''],
    });
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.creative).toMatchObject({ edited: true, status: 'approved', passed: true });
      expect(ok.creative.fields.headlines).toEqual([
        'Linen Shirt',
        'Summer in linen',
        'Light and airy shirts',
      ]);
    }
    // A stored creative with a failing check cannot be approved.
    await db()
      .update(adCreatives)
      .set({ status: 'candidate', checks: [{ check: 'length', passed: false, reason: 'too long' }] })
      .where(eq(adCreatives.id, b.id));
    expect((await errorOf(approveCreative(db(), shop, b.id))).message).toMatch(/fails a guardrail/);
  });

  it('exports approved creatives as Google Ads Editor and Meta CSV', async () => {
    const campaign = await newCampaign('Export Ünïcode!');
    await runGeneration(
      db(),
      shop,
      { campaignId: campaign.id },
      { runId: 'exp', generator: fakeGenerator() },
    );
    const google = (await listCreatives(db(), shop, campaign.id, { channel: 'google-rsa' }))[0]!;
    const meta = (await listCreatives(db(), shop, campaign.id, { channel: 'meta' }))[0]!;
    await approveCreative(db(), shop, google.id);
    await approveCreative(db(), shop, meta.id);
    const g = await exportCampaignCsv(db(), shop, campaign.id, 'google-ads-editor');
    expect(g.filename).toBe('export-unicode-google-ads-editor.csv');
    expect(g.csv.startsWith('\ufeff')).toBe(true);
    const lines = g.csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('Headline 1');
    expect(lines).toHaveLength(2); // header + the one approved google creative
    expect(lines[1]).toContain(google.fields.headlines?.[1] ?? '?');
    expect(lines[1]).toContain('https://shop.example/products/linen');
    const m = await exportCampaignCsv(db(), shop, campaign.id, 'meta');
    expect(m.csv).toContain(meta.fields.primaryText?.[0] ?? '?');
    expect((await errorOf(exportCampaignCsv(db(), other, campaign.id, 'meta'))).code).toBe('not_found');
  });
});
