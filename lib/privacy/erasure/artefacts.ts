/**
 * Trained models and an erased shopper. A recommendation model's artefact lists the shoppers it
 * was trained on with their histories (seeds of serving): the shopper's id is blanked and their
 * rows emptied in place (same version, so serving continues), and a retrain is queued so the next
 * version is fitted without them. Prediction models keep no per-shopper rows (coefficients only):
 * their live versions are flagged and a retrain is queued.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { predictionModels, recommendModels } from '@/db/schema';
import { yieldToEventLoop } from '@/lib/compute/yield';
import { enqueueJob } from '@/lib/jobs/enqueue';
// The job modules (not just their names): importing them registers the definitions enqueueJob needs.
import { PREDICT_TRAIN_DEDUPE_KEY, trainPredictionsJob } from '@/lib/predict/job';
import { deserializeArtefact, serializeArtefact } from '@/lib/recommend/train/artefact';
import { TRAIN_DEDUPE_KEY, trainRecommendationsJob } from '@/lib/recommend/train/job';
import type { ModelArtefact } from '@/lib/recommend/train/model-artefact';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ErasureStep } from '../subject-types';
import { SUBSTRING_MIN } from './tables';

type Tenant = Pick<TenantContext, 'tenantId'>;
type Typed = Int32Array | Float32Array | Float64Array;

/**
 * Removes rows of a CSR layout: `ptr` (rows + 1 offsets) and arrays aligned with its entries.
 * Returns the new ptr (same row count, dropped rows empty) and the arrays without their entries.
 */
export function emptyCsrRows<T extends Typed[]>(
  ptr: Int32Array,
  aligned: [...T],
  rows: ReadonlySet<number>,
): { ptr: Int32Array; aligned: T } {
  const keep: number[] = [];
  const next = new Int32Array(ptr.length);
  for (let r = 0; r + 1 < ptr.length; r++) {
    if (!rows.has(r)) for (let p = ptr[r]!; p < ptr[r + 1]!; p++) keep.push(p);
    next[r + 1] = keep.length;
  }
  const out = aligned.map((arr) => {
    const copy = new (arr.constructor as new (n: number) => Typed)(keep.length);
    keep.forEach((p, i) => {
      copy[i] = arr[p]!;
    });
    return copy;
  }) as T;
  return { ptr: next, aligned: out };
}

/**
 * The artefact without these shoppers: ids blanked (indexes stay stable), history and buy-again
 * rows emptied, country unknown. Returns null when none of them is in it.
 */
export function scrubArtefact(a: ModelArtefact, shopperIds: ReadonlySet<string>): ModelArtefact | null {
  const rows = new Set<number>();
  a.shopperIds.forEach((id, i) => {
    if (shopperIds.has(id)) rows.add(i);
  });
  if (rows.size === 0) return null;
  const history = emptyCsrRows(a.history.ptr, [a.history.items], rows);
  const b = a.buyAgain;
  const buy = emptyCsrRows(
    b.ptr,
    [b.items, b.count, b.last, b.medianDays, b.purchases, b.lastPurchase],
    rows,
  );
  const [items, count, last, medianDays, purchases, lastPurchase] = buy.aligned;
  const shopperCountry = Int32Array.from(a.shopperCountry);
  for (const r of rows) if (r < shopperCountry.length) shopperCountry[r] = -1;
  return {
    ...a,
    shopperIds: a.shopperIds.map((id, i) => (rows.has(i) ? '' : id)),
    history: { ptr: history.ptr, items: history.aligned[0] as Int32Array },
    buyAgain: {
      ...b,
      ptr: buy.ptr,
      items: items as Int32Array,
      count: count as Int32Array,
      last: last as Float64Array,
      medianDays: medianDays as Float32Array,
      purchases: purchases as Int32Array,
      lastPurchase: lastPurchase as Float64Array,
    },
    shopperCountry,
  };
}

/**
 * Scrubs every stored recommendation artefact (live and kept older versions) of these shoppers,
 * and queues a retrain when the live one had them. Returns the report steps and whether the
 * served copy must be invalidated (after the transaction commits).
 */
export async function scrubRecommendModels(
  exec: Executor,
  ctx: Tenant,
  shopperIds: ReadonlySet<string>,
): Promise<{ steps: ErasureStep[]; liveChanged: boolean }> {
  const rows = await exec
    .select({
      id: recommendModels.id,
      version: recommendModels.version,
      live: recommendModels.live,
      artefact: recommendModels.artefact,
    })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), isNotNull(recommendModels.artefact)));
  const versions: number[] = [];
  let liveChanged = false;
  for (const row of rows) {
    if (!row.artefact) continue;
    const scrubbed = scrubArtefact(
      deserializeArtefact<ModelArtefact>(new Uint8Array(row.artefact)),
      shopperIds,
    );
    if (!scrubbed) continue;
    const bytes = serializeArtefact(scrubbed);
    await exec
      .update(recommendModels)
      .set({ artefact: bytes, artefactBytes: bytes.byteLength })
      .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.id, row.id)));
    versions.push(row.version);
    liveChanged ||= row.live;
  }
  const steps: ErasureStep[] = [];
  if (versions.length === 0) return { steps, liveChanged };
  steps.push({
    target: 'recommend_model',
    action: 'scrubbed',
    count: versions.length,
    note: `Shopper removed from the training data of version${versions.length > 1 ? 's' : ''} ${versions.sort((x, y) => x - y).join(', ')} (id blanked, history emptied).`,
  });
  if (liveChanged) {
    await enqueueJob(
      exec,
      ctx,
      trainRecommendationsJob,
      {},
      { dedupeKey: TRAIN_DEDUPE_KEY, runAfter: retrainAt() },
    );
    steps.push({
      target: 'recommend_model',
      action: 'retrain_queued',
      count: 1,
      note: 'The next version is trained without the shopper.',
    });
    steps.push({ target: 'cache:recommend_model', action: 'invalidated', count: 1 });
  }
  return { steps, liveChanged };
}

/**
 * When the retrain after an erasure runs: the served artefact is already scrubbed, so nothing is
 * urgent, and waiting lets a burst of erasures (a retention run, a store's shop/redact, a day's
 * requests) share one training instead of each starting its own.
 */
const RETRAIN_DELAY_MS = 15 * 60_000;
function retrainAt(): Date {
  return new Date(Date.now() + RETRAIN_DELAY_MS);
}

/** Flags the live prediction models (trained with the shopper's data) and queues their retraining. */
export async function flagPredictionModels(exec: Executor, ctx: Tenant): Promise<ErasureStep[]> {
  const live = await exec
    .select({ kind: predictionModels.kind, version: predictionModels.version })
    .from(predictionModels)
    .where(and(tenantFilter(ctx, predictionModels), eq(predictionModels.live, true)));
  if (live.length === 0) return [];
  await enqueueJob(
    exec,
    ctx,
    trainPredictionsJob,
    {},
    { dedupeKey: PREDICT_TRAIN_DEDUPE_KEY, runAfter: retrainAt() },
  );
  const names = live
    .map((m) => `${m.kind} v${m.version}`)
    .sort()
    .join(', ');
  return [
    {
      target: 'prediction_models',
      action: 'flagged',
      count: live.length,
      note: `${names}: trained with data of an erased shopper; the next training excludes it.`,
    },
    { target: 'prediction_models', action: 'retrain_queued', count: 1 },
  ];
}

/** Strings of a decoded artefact that mention a needle (whole value, or substring for long needles). */
function mentionsIn(value: unknown, needles: readonly string[], minSubstring: number): boolean {
  if (typeof value === 'string') {
    return (
      value !== '' && needles.some((n) => value === n || (n.length >= minSubstring && value.includes(n)))
    );
  }
  if (ArrayBuffer.isView(value) || value === null || typeof value !== 'object') return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.some((v) => mentionsIn(v, needles, minSubstring));
}

/**
 * How many stored recommendation artefacts of the workspace mention a needle once decoded (their
 * bytes are deflated, so a byte search cannot see inside). Part of the post-erasure scan.
 */
export async function scanModelArtefacts(
  exec: Executor,
  ctx: Tenant,
  needles: readonly string[],
): Promise<number> {
  if (needles.length === 0) return 0;
  const models = await exec
    .select({ id: recommendModels.id })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), isNotNull(recommendModels.artefact)));
  let n = 0;
  // One model at a time, with a turn of the event loop between: reading and decoding every
  // version in one go held the embedded server's thread for seconds.
  for (const { id } of models) {
    await yieldToEventLoop();
    const [row] = await exec
      .select({ artefact: recommendModels.artefact })
      .from(recommendModels)
      .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.id, id)));
    if (!row?.artefact) continue;
    const a = deserializeArtefact<ModelArtefact>(new Uint8Array(row.artefact));
    if (mentionsIn(a, needles, SUBSTRING_MIN)) n += 1;
  }
  return n;
}
