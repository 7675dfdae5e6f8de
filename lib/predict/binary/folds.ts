/**
 * Stratified k-fold assignment: each class is shuffled (seeded) and dealt round-robin, so every
 * fold's positive rate is within one shopper of the overall rate and the same seed always gives
 * the same folds.
 */
import { seededRandom } from '@/lib/recommend/eval/metrics';

/** Fold number (0 … k−1) of each row. Throws when k < 2. */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed = 1): Int32Array {
  if (!(k >= 2) || !Number.isInteger(k)) throw new Error(`folds must be an integer ≥ 2, got ${k}`);
  const rand = seededRandom(seed);
  const fold = new Int32Array(labels.length);
  let offset = 0;
  for (const cls of [1, 0]) {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if ((labels[i] ? 1 : 0) === cls) rows.push(i);
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    // Continue the round-robin where the other class stopped so fold sizes stay balanced too.
    rows.forEach((r, n) => {
      fold[r] = (offset + n) % k;
    });
    offset = (offset + rows.length) % k;
  }
  return fold;
}

/** Rows in fold `f` and the rest. */
export function splitFold(fold: Int32Array, f: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  fold.forEach((g, i) => {
    (g === f ? test : train).push(i);
  });
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
