/**
 * `npm run bench:ads-serve [-- --decisions 20000 --concurrency 1,16 --json]`: on-site ad serving
 * (issue 6, "serving latency"), in process through the real Web handlers (handleAdDecision /
 * handleAdFeedback, as the fast path mounts them), in a scratch in-memory database.
 *
 * Setup: a workspace with a publishable key, 400 visitors (anonymous ids; half of them in a
 * "Germany" segment), and two live banner campaigns of 6 approved creatives each (3 for the
 * segment, 3 for everyone): placement `hero` on Thompson sampling, `hero-lin` on LinUCB.
 * Scenarios, each after a warm-up of 500 requests (keys, serving state and segment sets cached):
 * - decide only (Thompson; LinUCB), visitors rotating, locale en/de and device alternating;
 * - decide + feedback: every decision is followed by its impression and, with the creative's
 *   known click rate (1 %…6 %), a click; feedback is buffered (the fast path's mode) and
 *   flushed to ad_arm_stats every second, as in the server. Reported: the share of the best
 *   creative in the last fifth of the decisions (the bandit learning while it is measured).
 * Latency is per request, from building the Request to reading the body (p50 / p99, nearest
 * rank); decisions/s over the wall time of the scenario with `concurrency` overlapping clients on
 * this one thread. Figures only: nothing asserted.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabase, setDbHandle } from '@/db/client';
import { adArmStats, shoppers } from '@/db/schema';
import { clearAdServingCache } from '@/lib/ads/serve/cache';
import { createAdDecisionHandler, createAdFeedbackHandler } from '@/lib/ads/serve/handler';
import { adStatsBuffer, flushAdStats } from '@/lib/ads/serve/stats-buffer';
import { seedAdCampaign } from '@/lib/ads/serve/test-seed';
import { ApiKeyCache } from '@/lib/api/key-cache';
import { createApiKey } from '@/lib/apikeys/service';
import { TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { createSegment } from '@/lib/segments/service';
import { seedShoppers } from '@/lib/segments/testing/seed';
import { createTestTenant } from '@/lib/testing/fixtures';
import { ms, percentile, table } from './support/stats';
import { note } from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    decisions: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '1,16' },
    json: { type: 'boolean', default: false },
  },
});
const decisions = Number(opt.decisions);
const levels = opt.concurrency!.split(',').map(Number);
if (
  !(Number.isInteger(decisions) && decisions >= 100) ||
  levels.some((c) => !(Number.isInteger(c) && c >= 1))
) {
  console.error('bench:ads-serve: --decisions is a whole number ≥ 100, --concurrency a list such as 1,16');
  process.exit(2);
}

const ORIGIN = 'https://shop.bench.example';
const BASE = 'http://tailor.bench/api/v1/ads';
const VISITORS = 400;
/** Click rates of the creatives of each campaign, in creative order (3 segment, 3 general). */
const CLICK_RATES = [0.02, 0.06, 0.03, 0.01, 0.04, 0.02];

interface Row {
  scenario: string;
  concurrency: number;
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  bestShare: number | null;
}

async function main() {
  const handle = await openDatabase({ driver: 'pglite', dataDir: null });
  setDbHandle(handle);
  const db = handle.db;
  note('Setting up the workspace, visitors, segment and campaigns…');
  const { ctx } = await createTestTenant(db, 'ads-bench');
  const pk = (await createApiKey(db, ctx, { kind: 'publishable', name: 'bench', allowedOrigins: [ORIGIN] }))
    .key;
  const ids = await seedShoppers(
    db,
    ctx.tenantId,
    Array.from({ length: VISITORS }, (_, i) => ({
      kind: 'visitor' as const,
      externalId: null,
      country: i % 2 ? 'FR' : 'DE',
    })),
  );
  const anon = ids.map(() => randomUUID());
  for (const [i, id] of ids.entries())
    await db.update(shoppers).set({ anonymousId: anon[i] }).where(eq(shoppers.id, id));
  const seg = await createSegment(db, ctx, {
    name: 'Germany',
    rules: { conditions: [{ field: 'country', op: 'eq', value: 'DE' }] },
  });
  const creatives = (segmentId: string | null, locale: string) =>
    [0, 1, 2].map((i) => ({
      headline: `${locale} ${segmentId ? 'segment' : 'all'} ${i}`,
      locale,
      segmentId,
    }));
  const campaigns: Record<string, string[]> = {};
  for (const [placement, policy] of [
    ['hero', 'thompson'],
    ['hero-lin', 'linucb'],
  ] as const) {
    const c = await seedAdCampaign(db, ctx.tenantId, {
      placementKey: placement,
      locales: ['en', 'de'],
      segmentIds: [seg.id],
      productExternalId: `SKU-${placement}`,
      optimization: { policy, autoPause: false, explorationFloor: 0.05 },
      creatives: [...creatives(seg.id, 'en'), ...creatives(null, 'en')],
    });
    campaigns[placement] = c.creativeIds;
  }

  const generous = () => new TokenBucketLimiter({ ratePerSecond: 1e9, burst: 1e9 });
  const common = { keys: new ApiKeyCache(), keyLimiter: generous(), clientLimiter: generous() };
  const decide = createAdDecisionHandler(common);
  const feedback = createAdFeedbackHandler({ ...common, writeThrough: false });
  const flusher = setInterval(() => void adStatsBuffer.flush(), 1000);

  const decideRequest = (placement: string, i: number) =>
    new Request(
      `${BASE}/decide?key=${pk}&placement=${placement}&visitor=${anon[i % VISITORS]}&locale=${i % 3 ? 'en' : 'de'}&device=${i % 2 ? 'mobile' : 'desktop'}`,
      { headers: { origin: ORIGIN } },
    );
  const send = (token: string, type: string) =>
    feedback(
      new Request(`${BASE}/feedback?key=${pk}`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'text/plain' },
        body: JSON.stringify({ token, type }),
      }),
    ).then((r) => r.arrayBuffer());

  async function run(
    scenario: string,
    placement: string,
    withFeedback: boolean,
    concurrency: number,
    n: number,
  ) {
    const latencies: number[] = [];
    const served: string[] = [];
    let next = 0;
    let rng = 12345;
    const uniform = () => {
      rng = (Math.imul(rng, 1664525) + 1013904223) >>> 0;
      return rng / 2 ** 32;
    };
    const t0 = performance.now();
    const client = async () => {
      while (next < n) {
        const i = next++;
        const s = performance.now();
        const res = await decide(decideRequest(placement, i));
        const body = (await res.json()) as { decision?: { token: string; creativeId: string } };
        latencies.push(performance.now() - s);
        const d = body.decision;
        if (!d) throw new Error(`no decision (${res.status})`);
        served.push(d.creativeId);
        if (withFeedback) {
          await send(d.token, 'impression');
          const rate = CLICK_RATES[campaigns[placement]!.indexOf(d.creativeId)] ?? 0;
          if (uniform() < rate) await send(d.token, 'click');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const wall = performance.now() - t0;
    latencies.sort((x, y) => x - y);
    const tail = served.slice(Math.floor(served.length * 0.8));
    const best = campaigns[placement]!;
    const bestIds = new Set([best[1], best[4]]); // the best creative of each audience (6 %, 4 %)
    return {
      scenario,
      concurrency,
      requests: n,
      perSecond: (n / wall) * 1000,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      p90: percentile(latencies, 90),
      bestShare: withFeedback ? tail.filter((id) => bestIds.has(id)).length / tail.length : null,
    } satisfies Row;
  }

  const rows: Row[] = [];
  const scenarios = [
    ['decide (Thompson)', 'hero', false],
    ['decide (LinUCB)', 'hero-lin', false],
    ['decide + feedback (Thompson)', 'hero', true],
    ['decide + feedback (LinUCB)', 'hero-lin', true],
  ] as const;
  for (const [name, placement, fb] of scenarios) {
    for (const c of levels) {
      await run('warm-up', placement, false, c, 500);
      note(`${name}, concurrency ${c}…`);
      rows.push(await run(name, placement, fb, c, decisions));
    }
  }
  clearInterval(flusher);
  await flushAdStats();
  const stored = await db.select().from(adArmStats).where(eq(adArmStats.contextKey, ''));
  const impressions = stored.reduce((s, r) => s + r.impressions, 0);
  clearAdServingCache();
  await handle.close();

  if (opt.json) {
    console.log(JSON.stringify({ decisions, rows, storedImpressions: impressions }, null, 2));
    return;
  }
  console.log(
    `\nAd serving in process (${VISITORS} visitors, 2 campaigns × 6 creatives, PGlite in memory)\n`,
  );
  console.log(
    table(
      ['scenario', 'clients', 'requests', 'decisions/s', 'p50', 'p99', 'best arm share (last 20 %)'],
      rows.map((r) => [
        r.scenario,
        String(r.concurrency),
        String(r.requests),
        r.perSecond.toFixed(0),
        ms(r.p50),
        ms(r.p99),
        r.bestShare === null ? '-' : `${(r.bestShare * 100).toFixed(1)} %`,
      ]),
    ),
  );
  console.log(`\nImpressions written to ad_arm_stats (all-traffic context): ${impressions}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
