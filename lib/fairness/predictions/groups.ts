/**
 * The shopper groups a prediction fairness report compares (issue 8): country (the six most
 * common, then "other" and "unknown"), tenure at the as-of date (new, returning, no orders yet)
 * and each attribute the store declared sensitive (its most common values, then "other" and
 * "unknown"). A grouping is a function of a history, so the same code groups the evaluation
 * period, the benchmark and the live lists.
 */
import type { ShopperHistory } from '@/lib/predict/types';

const DAY_MS = 86_400_000;
/** A shopper whose first order is at most this many days before the as-of date is "new". */
export const TENURE_NEW_DAYS = 90;
/** Countries shown by name; the rest are "other". */
export const TOP_COUNTRIES = 6;
/** Values of a sensitive attribute shown by name; the rest are "other". */
export const TOP_VALUES = 8;

export const OTHER = 'other';
export const UNKNOWN = 'unknown';

export interface Grouping {
  /** 'country', 'tenure' or the attribute key. */
  key: string;
  label: string;
  /** True for a store-declared sensitive attribute: shown only to roles with `shoppers.sensitive`. */
  sensitive: boolean;
  groupOf(h: ShopperHistory): string;
}

/** The `top` most frequent non-null values (ties by name), most frequent first. */
function topValues(values: Iterable<string | null>, top: number): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([v]) => v);
}

function bucket(value: string | null, keep: ReadonlySet<string>): string {
  if (value === null || value === '') return UNKNOWN;
  return keep.has(value) ? value : OTHER;
}

/** Country, the TOP_COUNTRIES most common among `histories` by name. */
export function countryGrouping(histories: readonly ShopperHistory[]): Grouping {
  const keep = new Set(
    topValues(
      histories.map((h) => h.country || null),
      TOP_COUNTRIES,
    ),
  );
  return { key: 'country', label: 'Country', sensitive: false, groupOf: (h) => bucket(h.country, keep) };
}

/** 'new' (first order within TENURE_NEW_DAYS before `asOf`), 'returning', or 'no orders yet'. */
export function tenureOf(h: ShopperHistory, asOf: number): 'new' | 'returning' | 'no orders yet' {
  let first = Number.POSITIVE_INFINITY;
  for (const o of h.orders) if (o.at < asOf && o.at < first) first = o.at;
  if (first === Number.POSITIVE_INFINITY) return 'no orders yet';
  return asOf - first <= TENURE_NEW_DAYS * DAY_MS ? 'new' : 'returning';
}

/** New vs returning shoppers at `asOf` (epoch ms). */
export function tenureGrouping(asOf: number): Grouping {
  return { key: 'tenure', label: 'New vs returning', sensitive: false, groupOf: (h) => tenureOf(h, asOf) };
}

/**
 * A sensitive attribute: `values` maps a shopper id to the attribute's value as text (missing
 * shoppers and nulls are "unknown"); the TOP_VALUES most common among `histories` by name.
 */
export function attributeGrouping(
  key: string,
  values: ReadonlyMap<string, string | null>,
  histories: readonly ShopperHistory[],
): Grouping {
  const keep = new Set(
    topValues(
      histories.map((h) => values.get(h.shopperId) ?? null),
      TOP_VALUES,
    ),
  );
  return {
    key,
    label: key,
    sensitive: true,
    groupOf: (h) => bucket(values.get(h.shopperId) ?? null, keep),
  };
}
