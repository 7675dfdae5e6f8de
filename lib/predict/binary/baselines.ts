/**
 * The recency-only baseline of the churn / propensity evaluation: shoppers ranked by days since
 * their last paid order (longest first for churn, shortest first for propensity; never-bought
 * shoppers last for propensity) for AUC, PR-AUC and lift, and — so its Brier score and
 * calibration are fair — probabilities from a logistic curve in log days since the last order
 * (plus a never-bought flag) fitted on the training shoppers.
 */
import { FEATURES } from '@/lib/predict/features';
import type { Prepared } from './fit';
import type { BinaryKind } from './index';
import { fitLogistic, type SparseRows, sigmoid } from './logistic';

const RECENCY = FEATURES.findIndex((f) => f.key === 'recencyDays');

export type Rows = ArrayLike<number>;

function recencyDesign(rows: readonly Float64Array[]): SparseRows {
  const ptr = new Int32Array(rows.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  rows.forEach((r, i) => {
    const d = r[RECENCY]!;
    cols.push(0, ...(Number.isNaN(d) ? [2] : [1]));
    vals.push(1, Number.isNaN(d) ? 1 : Math.log1p(d));
    ptr[i + 1] = cols.length;
  });
  return { ptr, cols: Int32Array.from(cols), vals: Float64Array.from(vals), p: 3 };
}

/** The recency-only rule, fitted on `train` rows, as probabilities for `test` rows. */
export function recencyProbs(data: Prepared, train: Rows, test: Rows, testData = data): Float64Array {
  const penalty = Float64Array.from([0, 0, 0, 0, 1, 0, 0, 0, 1]);
  const beta = fitLogistic(recencyDesign(data.rows), data.labels, penalty, 1e-3, { rows: train });
  const x = recencyDesign(Array.from(test, (i) => testData.rows[i]!));
  return Float64Array.from({ length: test.length }, (_, k) => {
    let z = 0;
    for (let m = x.ptr[k]!; m < x.ptr[k + 1]!; m++) z += beta[x.cols[m]!]! * x.vals[m]!;
    return sigmoid(z);
  });
}

/** The fixed-direction recency ranking (higher = more likely the event) of `rows` of `data`. */
export function recencyRanking(kind: BinaryKind, data: Prepared, rows: Rows): Float64Array {
  return Float64Array.from({ length: rows.length }, (_, k) => {
    const d = data.rows[rows[k]!]![RECENCY]!;
    const days = Number.isNaN(d) ? 1e9 : d;
    return kind === 'churn' ? days : -days;
  });
}

export function rate(labels: Uint8Array, rows: Rows): number {
  let s = 0;
  for (let k = 0; k < rows.length; k++) s += labels[rows[k]!]!;
  return s / rows.length;
}
