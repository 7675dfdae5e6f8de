import type { Reason } from '../explain/reasons';
import type { Candidate } from './apply';
import { buildCatalogFacts, type CatalogRow } from './catalog';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2025, 5, 1);

const row = (
  categoryPath: string[],
  brand: string | null,
  priceMinor: number,
  extra: Partial<CatalogRow> = {},
): CatalogRow => ({
  stock: 5,
  priceMinor,
  categoryPath,
  brand,
  createdAt: NOW - 400 * DAY,
  publishedAt: NOW - 10 * DAY,
  attributes: {},
  ...extra,
});

/** Ten hand-made products; item i is product `p${i}`. */
export const ROWS: (CatalogRow | null)[] = [
  row(['Apparel', 'Shirts', 'Linen'], 'Acme', 2000),
  row(['Apparel', 'Shirts', 'Cotton'], 'Globex', 3000),
  row(['Apparel', 'Shoes'], 'Acme', 8000, { stock: 0 }),
  row(['Home', 'Candles'], 'Initech', 1500),
  row(['Home', 'Candles'], 'Acme', 2500, { publishedAt: NOW - 200 * DAY }),
  row(['Apparel', 'Shirts', 'Linen'], 'Globex', 4000, { attributes: { Color: 'Red' } }),
  row(['Home', 'Kitchen'], null, 500, { stock: null }),
  // "Shirts Sale" must not match the prefix "Apparel / Shirts": prefixes compare whole levels.
  row(['Apparel', 'Shirts Sale'], 'ACME ', 1000),
  null,
  row(['Home', 'Candles'], 'Initech', 1800, { publishedAt: null, createdAt: NOW - 900 * DAY }),
];

export const ITEM_IDS = ROWS.map((_, i) => `p${i}`);
export const catalog = buildCatalogFacts(ITEM_IDS, ROWS);

/** Every item as a candidate, item i scored 10 − i, with one popularity reason. */
export function candidates(items: number[] = ITEM_IDS.map((_, i) => i)): Candidate[] {
  return items.map((item) => ({
    item,
    score: 10 - item,
    reasons: [{ kind: 'popular', scope: 'global', windowDays: 7, contribution: 1 } satisfies Reason],
  }));
}
