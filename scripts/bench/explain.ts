/**
 * `npm run bench:explain [-- --shoppers 250 --scale 1 --k 10 --json]`: how long explaining takes
 * (issue 8, "Measure and report"), on the seeded demo store in a scratch in-memory database.
 *
 * Setup: seed the demo (seedDemoWorkspace), train churn, propensity and customer value
 * (trainPredictions) and the recommendation model (trainWorkspaceModel) as of the end of the data.
 * Then over `--shoppers` customers scored by churn (spread over the whole score range), after one
 * warm-up pass so model, catalog and lookup caches are hot:
 * - one prediction explained: `explainShopperPrediction` per kind (loads the shopper's history
 *   from the database and decomposes the live model's score), and the decomposition alone
 *   (`explainOne` on a history already in memory) to show where the time goes;
 * - one recommendation list: `getRecommendations` (for_you, k = 10, secret-key view) with
 *   explain: true and with explain: false, alternating per shopper so both see the same caches.
 * Prints p50 / p99 / mean per operation (nearest-rank percentiles). Figures only: nothing asserted.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, setDbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { DEMO_EMAIL, DEMO_SLUG } from '@/lib/demo/constants';
import { seedDemoWorkspace } from '@/lib/demo/service';
import { loadHistoryReport } from '@/lib/predict/data';
import { explainOne, restoreModel } from '@/lib/predict/scoring';
import { explainShopperPrediction, getLivePredictionModels, listScoredShoppers } from '@/lib/predict/service';
import { trainPredictions } from '@/lib/predict/service-train';
import { getRecommendations } from '@/lib/recommend/service';
import { trainWorkspaceModel } from '@/lib/recommend/train/service';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { ms, percentile, table } from './support/stats';
import { note } from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    shoppers: { type: 'string', default: '250' },
    scale: { type: 'string', default: '1' },
    k: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const wanted = Number(opt.shoppers);
const scale = Number(opt.scale);
const k = Number(opt.k);
if (!(Number.isInteger(wanted) && wanted >= 1) || !(scale > 0) || !(Number.isInteger(k) && k >= 1)) {
  console.error('bench:explain: --shoppers and --k are whole numbers ≥ 1, --scale a positive number');
  process.exit(2);
}

/** Milliseconds, or microseconds below 0.1 ms (the decomposition alone is that fast). */
const time = (v: number) => (v < 0.1 ? `${(v * 1000).toFixed(1)} µs` : ms(v));

const elapsed = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await f();
  return [out, performance.now() - t0];
};

async function main() {
  const handle = await openDatabase({ driver: 'pglite', dataDir: null });
  setDbHandle(handle);
  const db = handle.db;
  try {
    note('seeding the demo store …');
    const [, seedMs] = await elapsed(() => seedDemoWorkspace(db, { scale }));
    const [user] = await db.select({ id: users.id }).from(users).where(sql`${users.email} = ${DEMO_EMAIL}`);
    const ctx = await requireTenant(db, {
      kind: 'session',
      slug: DEMO_SLUG,
      userId: user!.id,
      email: DEMO_EMAIL,
    });
    note(`  seeded in ${(seedMs / 1000).toFixed(1)} s; training predictions and recommendations …`);
    const [trained, predictMs] = await elapsed(() =>
      trainPredictions(db, ctx, { kinds: ['churn', 'propensity', 'clv'] }),
    );
    const end = trained.end ? new Date(trained.end) : new Date();
    const [, recommendMs] = await elapsed(() => trainWorkspaceModel(db, ctx, { asOf: end }));
    note(`  trained in ${((predictMs + recommendMs) / 1000).toFixed(1)} s`);
    for (const r of trained.results)
      note(`  ${r.kind}: ${r.status} (${r.method ?? r.error}), ${r.scored} scored`);

    // Customers over the whole churn range: every n-th of the scored list.
    const scored = await listScoredShoppers(db, ctx, 'churn', { order: 'desc', limit: 500 });
    const stride = Math.max(1, Math.floor(scored.length / wanted));
    const picked = scored.filter((_, i) => i % stride === 0).slice(0, wanted);
    const ids = picked.map((s) => s.shopperId);
    const external = new Map(
      rowsOf<{ id: string; external_id: string | null }>(
        await db.execute(sql`select id::text, external_id from shoppers
          where tenant_id = ${ctx.tenantId}::uuid and id = any(${`{${ids.join(',')}}`}::uuid[])`),
      ).map((r) => [r.id, r.external_id]),
    );
    const kinds = ['churn', 'propensity', 'clv'] as const;
    const samples: Record<string, number[]> = {};
    const add = (name: string, v: number) => {
      samples[name] ??= [];
      samples[name].push(v);
    };
    // The decomposition alone: live models restored once, histories loaded once.
    const live = await getLivePredictionModels(db, ctx);
    const models = kinds.flatMap((kind) => {
      const row = live[kind];
      return row?.artefact ? [{ kind, model: restoreModel(kind, row.artefact) }] : [];
    });
    const { histories } = await loadHistoryReport(db, ctx, { until: end, shopperIds: ids });
    for (const pass of ['warm-up', 'measure'] as const) {
      for (const h of histories) {
        for (const m of models) {
          const t0 = performance.now();
          const e = explainOne(m.model, h, end.getTime());
          const t = performance.now() - t0;
          if (pass === 'measure' && e) add(`decomposition only (${m.kind})`, t);
        }
      }
    }
    let items = 0;
    let reasons = 0;
    for (const pass of ['warm-up', 'measure'] as const) {
      for (const [i, id] of ids.entries()) {
        for (const kind of kinds) {
          const [e, t] = await elapsed(() => explainShopperPrediction(db, ctx, id, kind));
          if (pass === 'measure' && e) add(`explain prediction (${kind})`, t);
        }
        const shopper = external.get(id) ?? undefined;
        // Alternate the order so neither variant always runs first.
        for (const explain of i % 2 ? [true, false] : [false, true]) {
          const [answer, t] = await elapsed(() =>
            getRecommendations(db, ctx, {
              scenario: 'for_you',
              shopper,
              cart: [],
              k,
              explain,
              locale: 'en',
              nonPersonal: false,
            }),
          );
          if (pass !== 'measure') continue;
          add(`recommendation list, explain ${explain ? 'on' : 'off'}`, t);
          if (explain) {
            items += answer.items.length;
            reasons += answer.items.reduce((s, x) => s + (x.reasons?.length ?? 0), 0);
          }
        }
      }
    }
    const rows = Object.entries(samples).map(([name, xs]) => {
      const s = [...xs].sort((a, b) => a - b);
      return {
        name,
        n: s.length,
        p50: percentile(s, 50),
        p99: percentile(s, 99),
        mean: s.reduce((a, b) => a + b, 0) / s.length,
      };
    });
    if (opt.json) {
      console.log(
        JSON.stringify({
          shoppers: ids.length,
          k,
          rows,
          itemsPerList: items / ids.length,
          reasonsPerItem: reasons / Math.max(1, items),
        }),
      );
      return;
    }
    console.log(`\nExplanations on the demo store (scale ${scale}): ${ids.length} customers, warm caches\n`);
    console.log(
      table(
        ['operation', 'n', 'p50', 'p99', 'mean'],
        rows.map((r) => [r.name, String(r.n), time(r.p50), time(r.p99), time(r.mean)]),
      ),
    );
    console.log(
      `\nExplained lists: ${(items / Math.max(1, ids.length)).toFixed(1)} items per list, ${(reasons / Math.max(1, items)).toFixed(2)} reasons per item.`,
    );
  } finally {
    setDbHandle(undefined);
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
