import { type Dataset, INTERACTION_KINDS, type InteractionKind } from '../types';
import { type CsrMatrix, csrFromTriplets, transposeCsr } from './csr';

export const DAY_MS = 86_400_000;

/** A purchase says more than a cart add, which says more than a view. */
export const DEFAULT_KIND_WEIGHTS: Readonly<Record<InteractionKind, number>> = {
  view: 1,
  cart: 3,
  purchase: 5,
};

/** How repeated interactions of one shopper with one item add up into a cell. */
export type RepeatScaling = 'log' | 'sqrt' | 'linear' | 'binary';

export interface InteractionWeighting {
  /** Weight per kind; missing kinds keep their default (view 1, cart 3, purchase 5). 0 drops a kind. */
  kindWeights?: Partial<Record<InteractionKind, number>>;
  /** Recency half-life in days relative to `asOf`; omitted (or Infinity) means no decay. */
  halfLifeDays?: number;
  /**
   * Sublinear by default ('log' = log1p(sum)), so a shopper who viewed an item 40 times does not
   * drown out everything else they did.
   */
  repeat?: RepeatScaling;
}

export interface MatrixOptions extends InteractionWeighting {
  /** Item → column map (−1 drops the item), e.g. EASE keeping only the most popular items. */
  columnOf?: Int32Array;
  /** Number of columns when `columnOf` is given. */
  nCols?: number;
}

/** The weighted shopper×item matrix and its item×shopper transpose. */
export interface InteractionMatrix {
  byShopper: CsrMatrix;
  byItem: CsrMatrix;
}

/** Kind weights as a lookup table indexed by KIND_CODE. */
export function kindWeightTable(weights?: Partial<Record<InteractionKind, number>>): Float64Array {
  const table = new Float64Array(INTERACTION_KINDS.length);
  INTERACTION_KINDS.forEach((kind, code) => {
    table[code] = weights?.[kind] ?? DEFAULT_KIND_WEIGHTS[kind];
  });
  return table;
}

/** 2^(−age/halfLife): 1 for an event at `asOf`, ½ one half-life earlier; 1 without a half-life. */
export function decayFactor(ageMs: number, halfLifeDays: number | undefined): number {
  if (halfLifeDays === undefined || !Number.isFinite(halfLifeDays) || halfLifeDays <= 0) return 1;
  return 2 ** (-Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

/** Applies the repeat scaling to a summed cell weight. */
export function scaleRepeat(sum: number, repeat: RepeatScaling): number {
  if (sum <= 0) return 0;
  switch (repeat) {
    case 'log':
      return Math.log1p(sum);
    case 'sqrt':
      return Math.sqrt(sum);
    case 'binary':
      return 1;
    default:
      return sum;
  }
}

/** How many interactions happened strictly before `asOf` (the dataset is sorted by time). */
export function countBefore(data: Dataset, asOf: number): number {
  let lo = 0;
  let hi = data.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (data.time[mid]! < asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds the weighted shopper×item matrix from the interactions strictly before `asOf`: each event
 * adds kindWeight × decay(asOf − time) to its cell, then the cell is scaled by `repeat`.
 * O(events + shoppers + items); no per-event objects.
 */
export function buildInteractionMatrix(
  data: Dataset,
  asOf: number,
  opts: MatrixOptions = {},
): InteractionMatrix {
  const n = countBefore(data, asOf);
  const weights = kindWeightTable(opts.kindWeights);
  const columnOf = opts.columnOf;
  const nCols = columnOf ? (opts.nCols ?? 0) : data.itemIds.length;
  const rows = new Int32Array(n);
  const cols = new Int32Array(n);
  const vals = new Float64Array(n);
  let m = 0;
  for (let e = 0; e < n; e++) {
    const w = weights[data.kind[e]!] ?? 0;
    if (w <= 0) continue;
    const col = columnOf ? columnOf[data.item[e]!]! : data.item[e]!;
    if (col < 0) continue;
    rows[m] = data.shopper[e]!;
    cols[m] = col;
    vals[m] = w * decayFactor(asOf - data.time[e]!, opts.halfLifeDays);
    m++;
  }
  const byShopper = csrFromTriplets(
    data.shopperIds.length,
    nCols,
    rows.subarray(0, m),
    cols.subarray(0, m),
    vals.subarray(0, m),
  );
  const repeat = opts.repeat ?? 'log';
  const v = byShopper.values;
  for (let k = 0; k < v.length; k++) v[k] = scaleRepeat(v[k]!, repeat);
  return { byShopper, byItem: transposeCsr(byShopper) };
}
