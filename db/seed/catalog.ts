import type { products } from '@/db/schema';
import { composeTitle } from './grammar';
import { Rng } from './random';
import { DAY_MS, type Timeline } from './timeline';
import { BRANDS, TIER_PRICE, TIER_SHARE } from './vocab/brands';
import { COLOURS, fill, GENERIC_ADJECTIVES, INTRO, COLOUR_LINE, TIER_LINES } from './vocab/common';
import { CATEGORIES } from './vocab/index';
import {
  type Adjective,
  type CategoryDef,
  DEMO_LOCALES,
  type DemoLocale,
  type Material,
  type Noun,
  type PriceTier,
  type SubcategoryDef,
} from './vocab/types';

export type ProductRow = typeof products.$inferInsert;

/** What the behaviour simulation needs to know about a product (never stored). */
export interface ProductModel {
  index: number;
  id: string;
  externalId: string;
  category: number;
  subcategory: string;
  brand: number;
  tier: PriceTier;
  priceMinor: number;
  /** log(price / subcategory's mid-tier median): negative = cheap for its kind. */
  priceLevel: number;
  /** Latent appeal (log-normal around 1). */
  popularity: number;
  /** Latent quality on a 1–5 scale: drives ratings, returns and disappointment. */
  quality: number;
  publishedMs: number;
  /** After this instant the product is no longer shown (archived), else Infinity. */
  hiddenAfterMs: number;
  /** Day index from which the product trends, or Infinity; and its peak multiplier. */
  trendFromDay: number;
  trendBoost: number;
  titles: Partial<Record<DemoLocale, string>>;
}

export interface Catalog {
  rows: ProductRow[];
  models: ProductModel[];
  /** Product indices by category index. */
  byCategory: number[][];
  /** Product indices by subcategory key. */
  bySubcategory: Map<string, number[]>;
}

export interface CatalogOptions {
  tenantId: string;
  count: number;
  currency: string;
  timeline: Timeline;
  trending: number;
}

/** Rounds to prices shops use: 7.99, 24.95, 49.00, 129.00, 249.90 (minor units). */
export function charmPrice(major: number, rng: Rng): number {
  if (major < 20) return Math.max(199, Math.round(major) * 100 - 1);
  if (major < 100) return Math.round(major) * 100 - (rng.chance(0.7) ? 1 : 5);
  const step = major < 300 ? 5 : 10;
  return Math.round(major / step) * step * 100 - (rng.chance(0.5) ? 10 : 0);
}

function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - counts.reduce((s, c) => s + c, 0);
  for (let i = 0; rest > 0; i = (i + 1) % counts.length, rest--) counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

function eligibleAdjectives(cat: CategoryDef, sub: SubcategoryDef, tier: PriceTier): Adjective[] {
  return [...GENERIC_ADJECTIVES, ...cat.adjectives].filter(
    (a) => (!a.tiers || a.tiers.includes(tier)) && (!a.subcategories || a.subcategories.includes(sub.key)),
  );
}

function eligibleMaterials(cat: CategoryDef, noun: Noun): Material[] {
  return noun.materials
    ? cat.materials.filter((m) => noun.materials!.includes(m.key))
    : cat.materials.slice();
}

/** Locales a product lacks: most products are fully translated, some miss one or two. */
function missingLocales(rng: Rng): Set<DemoLocale> {
  const missing = new Set<DemoLocale>();
  if (rng.chance(0.8)) return missing;
  const candidates: DemoLocale[] = ['ja', 'zh', 'es', 'fr', 'de'];
  const weights = [0.3, 0.3, 0.15, 0.15, 0.1];
  const n = rng.chance(0.65) ? 1 : 2;
  while (missing.size < n) missing.add(rng.weighted(candidates, weights));
  return missing;
}

function attributesFor(
  cat: CategoryDef,
  material: Material | undefined,
  colour: string | undefined,
  tier: PriceTier,
  rng: Rng,
) {
  const a: Record<string, string | number | boolean> = {};
  if (material) a.material = material.key;
  if (colour) a.color = colour;
  switch (cat.attributes) {
    case 'apparel-size':
      a.sizes = rng.pick(['XS-XL', 'S-XXL', 'XS-XXL', 'S-XL']);
      a.fit = rng.pick(['regular', 'slim', 'relaxed']);
      break;
    case 'shoe-size':
      a.sizes = rng.pick(['36-42', '39-46', '36-46', '40-47']);
      break;
    case 'volume':
      a.volume_ml = rng.pick([30, 50, 75, 100, 200, 250, 400]);
      a.vegan = rng.chance(0.6);
      break;
    case 'capacity':
      a.dishwasher_safe = rng.chance(0.7);
      a.weight_g = rng.int(150, 3500);
      break;
    case 'battery':
      a.battery_hours = rng.pick([8, 12, 20, 30, 40, 60]);
      a.warranty_years = tier === 'premium' ? 3 : 2;
      break;
    case 'age':
      a.age_min = rng.pick([0, 1, 3, 3, 6, 8]);
      break;
    case 'dimensions':
      a.width_cm = rng.int(10, 200);
      a.height_cm = rng.int(5, 120);
      break;
    case 'none':
      break;
  }
  return a;
}

/**
 * About one product in twenty of each category is on sale: its price was cut from a charm price
 * about a quarter higher, kept as `compare_at_price_minor` (as the Shopify and WooCommerce
 * connectors store it), so the ads have real discounts to mention. Chosen by position, not by the
 * random stream, so every other generated value stays as it was.
 */
function saleAttributes(k: number, archived: boolean, priceMinor: number): Record<string, number> {
  if (archived || k % 20 !== 7) return {};
  return { compare_at_price_minor: Math.ceil((priceMinor * 1.25) / 100) * 100 - 1 };
}

/**
 * The catalog: `count` products spread over the categories by weight, with brands, tiered
 * prices (a few on sale), stock, attributes, and titles/descriptions in up to six languages.
 */
export function generateCatalog(seed: number, opts: CatalogOptions): Catalog {
  const rng = new Rng(seed);
  const { timeline: tl } = opts;
  const counts = allocate(
    opts.count,
    CATEGORIES.map((c) => c.weight),
  );
  const rows: ProductRow[] = [];
  const models: ProductModel[] = [];
  const byCategory: number[][] = CATEGORIES.map(() => []);
  const bySubcategory = new Map<string, number[]>();
  const seenTitles = new Set<string>();

  CATEGORIES.forEach((cat, ci) => {
    const brands = BRANDS.map((b, i) => ({ b, i })).filter(({ b }) => b.categories.includes(cat.key));
    const brandWeights = brands.map(
      ({ b }) => TIER_SHARE[b.tier] / brands.filter((x) => x.b.tier === b.tier).length,
    );
    const prefix = cat.key.slice(0, 3).toUpperCase();
    for (let k = 0; k < (counts[ci] ?? 0); k++) {
      const sub = cat.subcategories[k % cat.subcategories.length]!;
      const { b: brand, i: brandIndex } = rng.weighted(brands, brandWeights);
      let parts: { adjective?: Adjective; material?: Material; noun: Noun } = { noun: sub.nouns[0]! };
      for (let attempt = 0; attempt < 12; attempt++) {
        const noun = rng.pick(sub.nouns);
        const adjectives = eligibleAdjectives(cat, sub, brand.tier);
        const materials = eligibleMaterials(cat, noun);
        parts = {
          noun,
          adjective: rng.chance(0.85) && adjectives.length > 0 ? rng.pick(adjectives) : undefined,
          material: rng.chance(0.92) && materials.length > 0 ? rng.pick(materials) : undefined,
        };
        if (!seenTitles.has(`${brand.name}|${composeTitle('en', parts)}`)) break;
      }
      seenTitles.add(`${brand.name}|${composeTitle('en', parts)}`);

      const index = models.length;
      const id = rng.uuid();
      const externalId = `${prefix}-${String(k + 1).padStart(4, '0')}`;
      const colour = cat.colored ? rng.pick(COLOURS) : undefined;
      const [lo, hi] = sub.price;
      const major =
        Math.exp(rng.uniform(Math.log(lo), Math.log(hi))) *
        TIER_PRICE[brand.tier] *
        Math.exp(rng.normal(0, 0.08));
      const priceMinor = charmPrice(major, rng);
      const missing = missingLocales(rng);
      const noDescription = rng.chance(0.05)
        ? rng.pick(DEMO_LOCALES.filter((l) => l !== 'en' && !missing.has(l)))
        : undefined;
      const title: Record<string, string> = {};
      const description: Record<string, string> = {};
      const benefits = rng.shuffle([0, 1, 2]).slice(0, rng.int(1, 2));
      const tierLine = rng.chance(0.6);
      for (const locale of DEMO_LOCALES) {
        if (missing.has(locale)) continue;
        const t = composeTitle(locale, parts);
        title[locale] = t;
        if (locale === noDescription) continue;
        const sentences = [
          fill(INTRO[locale], { t, b: brand.name }),
          ...benefits.map((i) => cat.benefits[locale][i] ?? ''),
        ];
        if (colour) sentences.push(fill(COLOUR_LINE[locale], { c: colour[locale] }));
        if (tierLine) sentences.push(TIER_LINES[brand.tier][locale]);
        description[locale] = sentences.join(locale === 'ja' || locale === 'zh' ? '' : ' ');
      }

      // Most of the range predates the history; some products launch during it, a few very recently.
      const r = rng.next();
      const publishedMs =
        r < 0.8
          ? tl.startMs - rng.uniform(1, 800) * DAY_MS
          : r < 0.95
            ? tl.startMs + rng.uniform(0, tl.days - 12) * DAY_MS
            : tl.nowMs - rng.uniform(0.5, 12) * DAY_MS;
      const archived = rng.chance(0.02) && publishedMs < tl.startMs;
      const hiddenAfterMs = archived
        ? tl.startMs + rng.uniform(20, tl.days - 20) * DAY_MS
        : Number.POSITIVE_INFINITY;
      const stock =
        archived || rng.chance(0.07)
          ? 0
          : rng.chance(0.1)
            ? rng.int(1, 5)
            : Math.round(rng.gamma(1.6, 45)) + 6;
      const published = new Date(publishedMs);

      rows.push({
        tenantId: opts.tenantId,
        id,
        externalId,
        title,
        description,
        categoryPath: [cat.name, sub.name],
        brand: brand.name,
        priceMinor,
        currency: opts.currency,
        stock,
        attributes: {
          ...attributesFor(cat, parts.material, colour?.key, brand.tier, rng),
          ...saleAttributes(k, archived, priceMinor),
        },
        imageUrls: [],
        status: archived ? 'archived' : 'active',
        publishedAt: published,
        createdAt: published,
        updatedAt: archived ? new Date(hiddenAfterMs) : published,
      });
      models.push({
        index,
        id,
        externalId,
        category: ci,
        subcategory: sub.key,
        brand: brandIndex,
        tier: brand.tier,
        priceMinor,
        priceLevel: Math.log(priceMinor / 100 / Math.sqrt(lo * hi)),
        popularity:
          Math.exp(rng.normal(0, 0.8)) *
          (brand.tier === 'premium' ? 0.75 : brand.tier === 'budget' ? 1.1 : 1),
        quality: Math.min(4.9, Math.max(2.2, rng.normal(brand.tier === 'premium' ? 4.35 : 4.05, 0.45))),
        publishedMs,
        hiddenAfterMs,
        trendFromDay: Number.POSITIVE_INFINITY,
        trendBoost: 1,
        titles: title,
      });
      byCategory[ci]!.push(index);
      const list = bySubcategory.get(sub.key) ?? [];
      list.push(index);
      bySubcategory.set(sub.key, list);
    }
  });

  // A handful of established, in-stock products take off in the last weeks.
  const candidates = models.filter(
    (m, i) => m.publishedMs < tl.startMs && rows[i]!.status === 'active' && (rows[i]!.stock ?? 0) > 0,
  );
  for (const m of rng.shuffle(candidates).slice(0, opts.trending)) {
    m.trendFromDay = tl.days - rng.int(10, 28);
    m.trendBoost = rng.uniform(4, 9);
  }
  return { rows, models, byCategory, bySubcategory };
}
