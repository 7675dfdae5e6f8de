import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adCreatives } from '@/db/schema';
import { type AdsStore, seedAdsStore } from '@/lib/ads/test-fixture';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { type CliContext, UsageError } from '../command';
import { runCliCaptured, testCliContext } from '../testing/in-process';
import { adsGenerate, parseGenerateFlags } from './ads';

/** Runs `tailor …` with only this command, capturing stderr; these never reach the database. */
function usage(...argv: string[]) {
  return runCliCaptured(argv, [adsGenerate]);
}

describe('tailor ads generate flags', () => {
  it('checks locales, channel, provider, objective and seed', async () => {
    expect(parseGenerateFlags({ locales: 'EN, de,en', channel: 'meta' })).toEqual({
      locales: ['en', 'de'],
      channel: 'meta',
      objective: 'sales',
      seed: 1,
    });
    expect(() => parseGenerateFlags({ locales: 'en,xx', channel: 'meta' })).toThrow('unknown: xx.');
    expect(() => parseGenerateFlags({ channel: 'tiktok' })).toThrow(
      '--channel must be one of google-rsa, meta, email, banner, got "tiktok".',
    );
    expect(() => parseGenerateFlags({ channel: 'meta', provider: 'gpt' })).toThrow(UsageError);
    expect(() => parseGenerateFlags({ channel: 'meta', objective: 'fun' })).toThrow(
      '--objective must be one of',
    );
    expect(() => parseGenerateFlags({ channel: 'meta', seed: '-1' })).toThrow('--seed');
    const missing = await usage('ads', 'generate', '--workspace', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --channel.');
    expect(missing.stderr).toContain('Usage: tailor ads generate');
  });
});

describe.each(testDrivers())('tailor ads generate against a workspace (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  let store: AdsStore;
  const out: string[] = [];
  const ctx = (): CliContext => testCliContext(() => h().db, out);
  const run = async (o: Parameters<typeof adsGenerate.run>[1]) => {
    out.length = 0;
    const code = await adsGenerate.run(ctx(), { workspace: shop.slug, ...o });
    return { code, text: out.join('\n') };
  };

  beforeAll(async () => {
    shop = (await createTestTenant(h().db, 'cli-ads')).ctx;
    store = await seedAdsStore(h().db, shop);
  }, 60_000);

  it('prints the template engine’s creatives per locale as JSON, storing nothing', async () => {
    const { code, text } = await run({ segment: 'vip', locales: 'en,de', channel: 'google-rsa', json: true });
    const body = JSON.parse(text) as {
      segment: string;
      channel: string;
      provider: string;
      locales: Record<
        string,
        {
          accepted: Record<string, string[]>[];
          rejected: { fields: unknown; failed: { check: string; reason: string }[] }[];
        }
      >;
    };
    expect(body).toMatchObject({ segment: 'VIP', channel: 'google-rsa', provider: 'template' });
    expect(Object.keys(body.locales)).toEqual(['en', 'de']);
    for (const locale of ['en', 'de']) {
      const l = body.locales[locale]!;
      for (const creative of l.accepted) {
        expect(Object.keys(creative).sort()).toEqual(['descriptions', 'headlines']);
        expect(creative.headlines!.length).toBeGreaterThanOrEqual(3);
      }
      for (const r of l.rejected) expect(r.failed.every((f) => f.check && f.reason)).toBe(true);
    }
    expect(code).toBe(Object.values(body.locales).every((l) => l.accepted.length > 0) ? 0 : 1);
    // The same seed gives the same copy; by id works like by name.
    const again = await run({
      segment: store.vipSegmentId,
      locales: 'en,de',
      channel: 'google-rsa',
      json: true,
    });
    expect(again.text).toBe(text);
    expect(await h().db.select().from(adCreatives).where(eq(adCreatives.tenantId, shop.tenantId))).toEqual(
      [],
    );

    const human = await run({ locales: 'en', channel: 'banner' });
    expect(human.text).toMatch(/^On-site banner for All shoppers · template \(template:v1\)/);
    expect(human.text).toMatch(/\nen: \d+ passed, \d+ dropped \(segment of 10, mostly Shirts, premium\)/);
  });

  it('says clearly what is missing', async () => {
    await expect(run({ segment: 'Nobody', channel: 'meta' })).rejects.toThrow(
      `Segment not found in workspace ${shop.slug}: Nobody`,
    );
    await expect(run({ channel: 'meta', provider: 'openai' })).rejects.toThrow(/OpenAI-compatible endpoint/);
    await expect(adsGenerate.run(ctx(), { workspace: 'no-such', channel: 'meta' })).rejects.toThrow(
      'Workspace not found: no-such',
    );
  });
});
