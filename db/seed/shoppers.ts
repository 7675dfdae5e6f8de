import type { shoppers } from '@/db/schema';
import { Rng } from './random';
import { DAY_MS, type Timeline } from './timeline';
import { BRANDS } from './vocab/brands';
import { CATEGORIES } from './vocab/index';
import { COUNTRIES, type CountryDef, DEVICES, type Device, EMAIL_DOMAINS, emailPart } from './vocab/people';

export type ShopperRow = typeof shoppers.$inferInsert;

/** The hidden tastes and habits that drive a shopper's behaviour (never stored in the database). */
export interface ShopperModel {
  index: number;
  id: string;
  kind: 'customer' | 'visitor';
  anonymousId: string;
  country: CountryDef;
  locale: string;
  device: Device;
  /** Interest per category (index into CATEGORIES), summing to 1. */
  affinity: number[];
  /** Interest per subcategory within each category, summing to 1 per category. */
  subAffinity: number[][];
  /** Preferred price level on the catalog's log scale, and how strongly deviations hurt. */
  pricePreference: number;
  priceSensitivity: number;
  favouriteBrands: number[];
  /** Expected sessions per day while active. */
  visitRate: number;
  /** Expected product views per session beyond the first. */
  engagement: number;
  /** Chance that a session ends in an order when the shopper is "due". */
  conversion: number;
  /** Personal mean days between orders. */
  interPurchaseDays: number;
  acquiredMs: number;
  /** When the shopper stops coming back (Infinity: still active). May move earlier after a bad experience. */
  churnMs: number;
  /** A visitor's last planned session day. */
  lastPlannedMs: number;
}

export interface ShopperPopulation {
  rows: ShopperRow[];
  models: ShopperModel[];
}

export interface ShopperOptions {
  tenantId: string;
  customers: number;
  visitors: number;
  timeline: Timeline;
}

const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
const AGE_WEIGHTS = [0.14, 0.28, 0.24, 0.17, 0.11, 0.06];
const CHANNELS = ['organic', 'search', 'social', 'email', 'referral', 'ads'] as const;
const CHANNEL_WEIGHTS = [0.28, 0.24, 0.16, 0.08, 0.1, 0.14];

/** A day offset in [0, days) whose density grows linearly by `growth` over the window (acquisition trend). */
function growingDay(rng: Rng, days: number, growth: number): number {
  for (;;) {
    const d = rng.uniform(0, days);
    if (rng.next() * (1 + growth) < 1 + (growth * d) / days) return d;
  }
}

function tastes(rng: Rng, country: CountryDef) {
  const alphas = CATEGORIES.map((c) => 0.45 * c.weight * (country.tastes[c.key] ?? 1));
  const affinity = rng.dirichlet(alphas);
  const subAffinity = CATEGORIES.map((c) => rng.dirichlet(c.subcategories.map(() => 0.9)));
  const persona = rng.weighted([-0.4, 0, 0.45], [0.35, 0.45, 0.2]);
  const top = affinity
    .map((a, i) => ({ a, key: CATEGORIES[i]!.key }))
    .sort((x, y) => y.a - x.a)
    .slice(0, 2)
    .map((x) => x.key);
  const candidates = BRANDS.map((b, i) => ({ b, i })).filter(({ b }) =>
    b.categories.some((c) => top.includes(c)),
  );
  const favouriteBrands = rng
    .shuffle(candidates)
    .slice(0, rng.int(1, 2))
    .map(({ i }) => i);
  return {
    affinity,
    subAffinity,
    pricePreference: rng.normal(country.priceShift + persona, 0.25),
    priceSensitivity: rng.gamma(2, 0.8),
    favouriteBrands,
  };
}

/**
 * Registered customers (names, example.com emails, an account id) and anonymous visitors, each
 * with latent tastes, a visit rate, an order rhythm, an acquisition date and possibly a churn date.
 */
export function generateShoppers(seed: number, opts: ShopperOptions): ShopperPopulation {
  const rng = new Rng(seed);
  const tl = opts.timeline;
  const rows: ShopperRow[] = [];
  const models: ShopperModel[] = [];
  const countryWeights = COUNTRIES.map((c) => c.weight);

  const total = opts.customers + opts.visitors;
  for (let i = 0; i < total; i++) {
    const kind = i < opts.customers ? 'customer' : 'visitor';
    const country = rng.weighted(COUNTRIES, countryWeights);
    const locale = rng.weighted(
      country.locales.map(([l]) => l),
      country.locales.map(([, w]) => w),
    );
    const device = rng.weighted(DEVICES, country.devices);
    const id = rng.uuid();
    const anonymousId = `anon-${rng.u32().toString(16).padStart(8, '0')}${rng.u32().toString(16).padStart(8, '0')}`;
    const t = tastes(rng, country);
    const days = tl.days;

    let acquiredMs: number;
    let churnMs = Number.POSITIVE_INFINITY;
    let lastPlannedMs = Number.POSITIVE_INFINITY;
    if (kind === 'customer') {
      const existing = rng.chance(0.55);
      acquiredMs = existing
        ? tl.startMs - rng.uniform(1, 720) * DAY_MS
        : tl.startMs + growingDay(rng, days, 1.2) * DAY_MS;
      if (existing && rng.chance(0.3)) churnMs = tl.startMs + rng.uniform(0, days) * DAY_MS;
      if (!existing && rng.chance(0.4)) churnMs = acquiredMs + rng.exponential(30) * DAY_MS;
    } else {
      acquiredMs = tl.startMs + growingDay(rng, days, 1.2) * DAY_MS;
      lastPlannedMs = acquiredMs + rng.exponential(6) * DAY_MS;
    }

    models.push({
      index: i,
      id,
      kind,
      anonymousId,
      country,
      locale,
      device,
      ...t,
      visitRate:
        kind === 'customer' ? Math.min(0.9, Math.max(0.006, rng.gamma(0.8, 0.13))) : rng.uniform(0.15, 0.5),
      engagement: rng.gamma(2, 1.2),
      conversion: kind === 'customer' ? rng.beta(2, 5) : 0,
      interPurchaseDays: Math.min(120, Math.max(6, Math.exp(rng.normal(Math.log(28), 0.5)))),
      acquiredMs,
      churnMs,
      lastPlannedMs,
    });

    const base: ShopperRow = {
      tenantId: opts.tenantId,
      id,
      kind,
      anonymousId,
      country: country.code,
      locale,
      device,
      firstSeenAt: new Date(acquiredMs),
      lastSeenAt: new Date(acquiredMs),
      createdAt: new Date(acquiredMs),
      updatedAt: new Date(acquiredMs),
    };
    if (kind === 'customer') {
      const first = rng.pick(country.first);
      const last = rng.pick(country.last);
      const name = country.familyFirst
        ? `${last.native}${country.code === 'CN' ? '' : ' '}${first.native}`
        : `${first.native} ${last.native}`;
      rows.push({
        ...base,
        externalId: `C${String(i + 1).padStart(6, '0')}`,
        email: `${emailPart(first.latin)}.${emailPart(last.latin)}.${i + 1}@${rng.pick(EMAIL_DOMAINS)}`,
        name,
        attributes: {
          age_band: rng.weighted(AGE_BANDS, AGE_WEIGHTS),
          newsletter: rng.chance(0.42),
          signup_channel: rng.weighted(CHANNELS, CHANNEL_WEIGHTS),
        },
      });
    } else {
      rows.push({ ...base, externalId: null, email: null, name: null, attributes: {} });
    }
  }
  return { rows, models };
}
