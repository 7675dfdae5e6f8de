/**
 * `npm run bench:fairness [-- --dataset demo,uci] [--json]`
 *
 * Issue 8's recommendation fairness figures: on the seeded demo store (its own temporary embedded
 * database, the default evaluation cutoff) and on UCI Online Retail read straight from the CSV
 * (cutoff 2011-11-09; skipped when the file is missing). The hybrid is trained once per dataset
 * strictly before the cutoff; its lists for the held-out shoppers are measured without mitigation
 * and with each mitigation alone and together: exposure by group against catalog and purchase
 * shares, Gini and long-tail coverage, NDCG@10 by country and new vs returning shoppers, and the
 * accuracy cost next to the fairness gain. UCI has no brands or categories: groups are price tiers
 * and product age (first sale), segments countries. Figures only: nothing is asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { products } from '@/db/schema';
import type { RecommendationMitigation } from '@/db/schema/fairness';
import { invalidateFairnessSettings } from '@/lib/fairness/settings';
import { upsertFairnessSettings } from '@/lib/fairness/settings-queries';
import { getRecommendations } from '@/lib/recommend/service';
import { trainWorkspaceModel } from '@/lib/recommend/train/service';
import type { TenantContext } from '@/lib/tenant/context';
import { type ItemFacts, measureRecommendationFairness } from '@/lib/fairness/recommendations/measure';
import { loadItemFacts } from '@/lib/fairness/recommendations/queries';
import type { RecommendationFairnessReport } from '@/lib/fairness/recommendations/report';
import { loadDataset } from '@/lib/recommend/data/load';
import { loadItemVectors } from '@/lib/recommend/data/vectors';
import { getInteractionSpan } from '@/lib/recommend/evaluations/queries';
import { defaultCutoff } from '@/lib/recommend/evaluations/service';
import { createHybrid } from '@/lib/recommend/hybrid-default';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '@/lib/recommend/types';
import { datasetOf, ONLINE_RETAIL_FILE, readCleanLines } from './support/online-retail';
import { percentile, table } from './support/stats';
import { closeBenchDb, note, openBenchDb, probeIds, seedDemo } from './support/workspace';

const { values: opts } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'demo,uci' },
    file: { type: 'string', default: ONLINE_RETAIL_FILE },
    json: { type: 'boolean', default: false },
  },
});

const OFF: RecommendationMitigation = {
  newItemFloor: 0,
  newItemDays: 30,
  smallBrandFloor: 0,
  calibration: 0,
};
const VARIANTS: [string, RecommendationMitigation][] = [
  ['new 20 %', { ...OFF, newItemFloor: 0.2 }],
  ['small brands 20 %', { ...OFF, smallBrandFloor: 0.2 }],
  ['calibration 0.5', { ...OFF, calibration: 0.5 }],
  ['all three', { ...OFF, newItemFloor: 0.2, smallBrandFloor: 0.2, calibration: 0.5 }],
];

/** Fits the wrapped model once: every variant re-ranks the same fitted model's lists. */
class FitOnce implements Recommender {
  private fitted = false;
  fitMs = 0;
  constructor(private readonly inner: Recommender) {}
  get name(): string {
    return this.inner.name;
  }
  async fit(train: Dataset, o: { asOf: number }): Promise<void> {
    if (this.fitted) return;
    const t0 = performance.now();
    await this.inner.fit(train, o);
    this.fitMs = performance.now() - t0;
    this.fitted = true;
  }
  recommend(q: RecommendQuery): Ranked {
    return this.inner.recommend(q);
  }
}

const p = (v: number) => `${(v * 100).toFixed(1)} %`;
const f3 = (v: number) => v.toFixed(3);

async function measureAll(
  label: string,
  data: Dataset,
  facts: ItemFacts,
  cutoff: number,
  vectors?: ReadonlyArray<Float32Array | null> | null,
) {
  const model = new FitOnce(createHybrid({ protocol: 'all', ...(vectors ? { vectors } : {}) }));
  const reports: [string, RecommendationFairnessReport][] = [];
  for (const [name, mitigation] of VARIANTS) {
    note(`  ${label}: ${name}…`);
    reports.push([
      name,
      await measureRecommendationFairness(data, facts, {
        cutoff,
        mitigation,
        proposal: false,
        model,
        vectors,
      }),
    ]);
  }
  return { label, model, reports };
}

function print({ label, model, reports }: Awaited<ReturnType<typeof measureAll>>): void {
  const [, first] = reports[0]!;
  console.log(
    `\n## ${label}: cutoff ${first.cutoff.slice(0, 10)}, test period to ${first.until.slice(0, 10)}; ${first.shoppers} test shoppers, ` +
      `${first.items} recommendable items, ${first.testPurchases} test purchases; hybrid trained in ${(model.fitMs / 1000).toFixed(1)} s`,
  );
  const all = reports.at(-1)![1];
  for (const g of all.groups) {
    console.log(
      `\nExposure by ${g.dimension} (first ${all.depth} slots, position-weighted; "after" = all three mitigations):`,
    );
    console.log(
      table(
        ['GROUP', 'ITEMS', 'CATALOG', 'PURCHASES', 'EXPOSURE', 'AFTER'],
        g.rows.map((r) => [
          r.label,
          String(r.items),
          p(r.catalogShare),
          p(r.purchaseShare),
          p(r.exposureShare),
          p(r.exposureShareAfter),
        ]),
      ),
    );
  }
  for (const s of all.segments) {
    console.log(`\nNDCG@10 by ${s.dimension} (95 % interval; "after" = all three):`);
    console.log(
      table(
        ['SEGMENT', 'SHOPPERS', 'NDCG@10', '95 % CI', 'AFTER', ''],
        s.rows.map((r) => [
          r.label,
          String(r.shoppers),
          f3(r.mean),
          `${f3(r.ci[0])}–${f3(r.ci[1])}`,
          f3(r.meanAfter),
          r.tooFew ? 'too few to judge' : '',
        ]),
      ),
    );
  }
  console.log('\nMitigation: before → after per variant (same fitted model, same shoppers):');
  const metrics = first.table.map((r) => r.metric);
  const isShare = (m: string) => /Share|Coverage|Exposure/.test(m);
  console.log(
    table(
      ['METRIC', 'NONE', ...reports.map(([n]) => n)],
      metrics.map((m) => {
        const fmt = isShare(m) ? p : f3;
        return [
          m,
          fmt(first.table.find((r) => r.metric === m)!.before),
          ...reports.map(([, r]) => fmt(r.table.find((x) => x.metric === m)!.after)),
        ];
      }),
    ),
  );
  console.log(
    `  (measuring each variant, including recommending for every test shopper: ${reports.map(([n, r]) => `${n} ${(r.durationMs / 1000).toFixed(1)} s`).join(', ')})`,
  );
}

async function demo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-fairness-'));
  const handle = await openBenchDb(path.join(dir, 'data'));
  try {
    note('Seeding the demo store…');
    const { ctx } = await seedDemo(handle.db);
    const cutoff = defaultCutoff(await getInteractionSpan(handle.db, ctx)).getTime();
    const data = await loadDataset(handle.db, ctx);
    const facts = await loadItemFacts(handle.db, ctx, data.itemIds);
    const vectors = await loadItemVectors(handle.db, ctx, data.itemIds);
    const result = await measureAll('demo store', data, facts, cutoff, vectors);
    await serving(handle.db, ctx);
    return result;
  } finally {
    await closeBenchDb(handle);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * In-process cost of the mitigation in serving (no HTTP): `for_you` for 50 known shoppers, 10
 * items, 600 calls per setting after 100 warm-up calls, mitigation off vs the proposal, and the
 * share of served slots that hold a new product (the floor met in serving, not only offline).
 */
async function serving(db: Db, ctx: TenantContext): Promise<void> {
  note('  demo: training the serving model…');
  await trainWorkspaceModel(db, ctx);
  const { shoppers } = await probeIds(db, ctx.tenantId, 50);
  const since = Date.now() - OFF.newItemDays * 86_400_000;
  const fresh = new Set(
    (
      await db
        .select({ id: products.externalId, at: products.publishedAt })
        .from(products)
        .where(eq(products.tenantId, ctx.tenantId))
    ).flatMap((r) => (r.id && r.at && r.at.getTime() >= since ? [r.id] : [])),
  );
  const time = async () => {
    const ms: number[] = [];
    let slots = 0;
    let shownNew = 0;
    for (let i = 0; i < 700; i++) {
      const t0 = performance.now();
      const r = await getRecommendations(db, ctx, {
        scenario: 'for_you',
        shopper: shoppers[i % shoppers.length],
        nonPersonal: false,
        k: 10,
        explain: false,
        locale: 'en',
        cart: [],
      } as Parameters<typeof getRecommendations>[2]);
      if (i >= 100) ms.push(performance.now() - t0);
      slots += r.items.length;
      shownNew += r.items.filter((x) => fresh.has(x.externalId)).length;
    }
    return { ms: ms.sort((a, b) => a - b), newShare: slots ? shownNew / slots : 0 };
  };
  const rows: string[][] = [];
  for (const [name, m] of [
    ['off', OFF],
    ['all three', VARIANTS.at(-1)![1]],
    ['off again', OFF],
  ] as const) {
    await upsertFairnessSettings(db, ctx, { recommendations: m });
    invalidateFairnessSettings(ctx.tenantId);
    const { ms, newShare } = await time();
    rows.push([name, percentile(ms, 50).toFixed(2), percentile(ms, 99).toFixed(2), p(newShare)]);
  }
  servingRows = rows;
}
let servingRows: string[][] = [];

async function uci() {
  if (!fs.existsSync(opts.file!)) {
    note(`UCI Online Retail skipped: ${opts.file} not found.`);
    return null;
  }
  note('Reading UCI Online Retail…');
  const { lines } = await readCleanLines(opts.file!);
  const data = datasetOf(lines);
  const n = data.itemIds.length;
  const index = new Map(data.itemIds.map((id, j) => [id, j]));
  const price = new Float64Array(n).fill(Number.NaN);
  const first = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (const l of lines) {
    const j = index.get(l.item)!;
    price[j] = Math.round(l.price * 100);
    first[j] = Math.min(first[j]!, l.time);
  }
  const facts: ItemFacts = {
    brandId: new Int32Array(n).fill(-1),
    brandNames: [],
    priceMinor: price,
    publishedAt: first,
    categoryId: new Int32Array(n).fill(-1),
    topCategory: new Array<string | null>(n).fill(null),
  };
  return measureAll('UCI Online Retail', data, facts, Date.parse('2011-11-09T00:00:00Z'));
}

async function main(): Promise<void> {
  const wanted = new Set(opts.dataset!.split(',').map((s) => s.trim()));
  const results = [];
  if (wanted.has('demo')) results.push(await demo());
  if (wanted.has('uci')) {
    const r = await uci();
    if (r) results.push(r);
  }
  if (opts.json) {
    console.log(
      JSON.stringify(
        results.map((r) => ({
          label: r.label,
          fitMs: r.model.fitMs,
          reports: Object.fromEntries(r.reports),
        })),
        null,
        2,
      ),
    );
    return;
  }
  console.log('# Recommendation fairness (issue 8)');
  for (const r of results) print(r);
  if (servingRows.length) {
    console.log(
      `\nServing in process (demo store, for_you, 10 items, 600 calls each; ms, and the share of served slots holding a product published in the last ${OFF.newItemDays} days):`,
    );
    console.log(table(['MITIGATION', 'P50', 'P99', 'NEW SLOTS'], servingRows));
  }
  console.log(`\nPeak RSS ${(process.resourceUsage().maxRSS / 2 ** 20).toFixed(2)} GiB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
