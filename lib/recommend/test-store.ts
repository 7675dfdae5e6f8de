/**
 * A small synthetic store for the baseline and hybrid tests (never imported by production code):
 * known structure, so a correct model must rank in a known way.
 *
 * - 180 shoppers in 3 taste clusters (shopper s in cluster s % 3), 20 items per cluster
 *   (cluster c owns items 20c … 20c + 19), plus 3 "trend" items (60–62).
 * - Every shopper rebuys two staples of their cluster about weekly (reorder-heavy, like wholesale),
 *   and each week tries one more item of their cluster, skewed towards the cluster's first items.
 * - Trend item 60 + w launches on day 48 + 28w; half the shoppers, in every cluster, buy it once in
 *   the 25 days after. Taste (co-occurrence) and trend (recency) must be combined to find new items.
 * Days 0–129; tests cut at day 110 (validation window: days 82–110, with its own trend item).
 */
import { seededRandom } from './eval/metrics';
import { day, makeDataset, type TestEvent } from './models/test-data';
import type { Dataset } from './types';

export const STORE = { shoppers: 180, clusterItems: 20, clusters: 3, trendItems: [60, 61, 62], days: 130 };
const TREND_LAUNCH = [48, 76, 104];
export const STORE_CUTOFF = day(110);

export const clusterOf = (shopper: number) => shopper % STORE.clusters;
export const itemCluster = (item: number) =>
  item < STORE.clusters * STORE.clusterItems ? Math.floor(item / STORE.clusterItems) : -1;

/** The two staples of a shopper: fixed by their index within the cluster. */
export function staplesOf(shopper: number): [number, number] {
  const base = clusterOf(shopper) * STORE.clusterItems;
  const k = Math.floor(shopper / STORE.clusters);
  return [base + (k % 10), base + 10 + ((k * 3) % 10)];
}

export function syntheticStore(seed = 7): Dataset {
  const rand = seededRandom(seed);
  const events: TestEvent[] = [];
  for (let s = 0; s < STORE.shoppers; s++) {
    const base = clusterOf(s) * STORE.clusterItems;
    const offset = rand() * 7;
    for (let d = offset; d < STORE.days; d += 6 + rand() * 2) {
      for (const item of staplesOf(s)) events.push({ shopper: s, item, day: d });
      // rand()² skews exploration towards the cluster's first items: a popularity gradient.
      const item = base + Math.floor(STORE.clusterItems * rand() ** 2);
      events.push({ shopper: s, item, day: d + 0.5 });
    }
    STORE.trendItems.forEach((item, w) => {
      if (rand() < 0.5) events.push({ shopper: s, item, day: TREND_LAUNCH[w]! + 25 * rand() });
    });
  }
  return makeDataset(events, { nShoppers: STORE.shoppers, nItems: 63 });
}
