import type { Executor } from '@/db/client';
import { loadRates } from '@/lib/currency/service';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { type MarketFigures, purchaseMixes, summarizeMarkets } from './aggregate';
import {
  type LineMixRow,
  type MarketBy,
  getLatestActivity,
  listActivity,
  listLineMix,
  listOrderTotals,
  listProductTitles,
  listWeekHours,
  withAnalyticsPlanner,
} from './queries';
import { type MarketsOptions, UNKNOWN_MARKET, explicitPeriodSchema, parseMarketsOptions } from './schemas';
import { type GapProduct, gapProducts, mostSimilar } from './similarity';

export type { MarketBy, MarketFigures };
type Ctx = Pick<TenantContext, 'tenantId'>;
const DAY = 86_400_000;

export interface MarketsPeriod {
  days: number;
  /** Start (inclusive) and end (exclusive), UTC midnights. */
  from: Date;
  to: Date;
  /** The last UTC day included (YYYY-MM-DD), and the last day with any data (null: none yet). */
  end: string;
  latest: string | null;
}

export interface Market extends MarketFigures {
  /** URL token: the key, or UNKNOWN_MARKET. */
  id: string;
  label: string;
}

export interface MarketsOverview {
  by: MarketBy;
  period: MarketsPeriod;
  /** Workspace currency: every amount is in its minor units. */
  currency: string;
  locale: string;
  /** Workspace time zone: local time of markets without a known zone. */
  timeZone: string;
  markets: Market[];
  /** Currencies of paid orders in the period with no stored rate, and how many orders each. */
  missingRates: { currency: string; orders: number }[];
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The report period: `days` UTC days ending on `end`, by default on the last day with data. */
export async function resolvePeriod(
  exec: Executor,
  ctx: Ctx,
  days: number,
  end?: string,
): Promise<MarketsPeriod> {
  const latestAt = await getLatestActivity(exec, ctx);
  const latest = latestAt ? dayOf(latestAt) : null;
  const last = end ?? latest ?? dayOf(new Date());
  const to = new Date(Date.parse(`${last}T00:00:00Z`) + DAY);
  return { days, from: new Date(to.getTime() - days * DAY), to, end: last, latest };
}

/** A market's display name: the country or language name in `locale`, or "Unknown". */
export function marketLabel(by: MarketBy, key: string | null, locale: string): string {
  if (key === null) return by === 'country' ? 'Unknown country' : 'Unknown language';
  try {
    const names = new Intl.DisplayNames([locale, 'en'], { type: by === 'country' ? 'region' : 'language' });
    const name = names.of(key);
    return name && name !== key ? `${name} (${key})` : key;
  } catch {
    return key;
  }
}

/**
 * Cross-border figures per country (or locale) over a period: active shoppers, paid orders,
 * revenue converted into the workspace currency with the stored rates (orders without a rate
 * counted apart), session conversion, average order value, price position and top categories.
 * Options come from the URL (never throw) or the CLI (`from`/`to`). Four grouped queries.
 * @throws AppError not_found when the workspace does not exist; validation_failed for a bad from/to.
 */
export async function getMarketsOverview(
  exec: Executor,
  ctx: Ctx,
  options: MarketsOptions = {},
): Promise<MarketsOverview> {
  return (await loadOverview(exec, ctx, options)).overview;
}

async function loadOverview(
  exec: Executor,
  ctx: Ctx,
  options: MarketsOptions,
): Promise<{ overview: MarketsOverview; lines: LineMixRow[] }> {
  const opts = parseMarketsOptions(options);
  let { days, end } = opts as { days: number; end?: string };
  if (options.from !== undefined || options.to !== undefined) {
    const p = parseOrThrow(explicitPeriodSchema, { from: options.from, to: options.to });
    days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY) + 1;
    end = p.to;
  }
  const [tenant, rates, period] = await Promise.all([
    getTenant(exec, ctx),
    loadRates(exec, ctx),
    resolvePeriod(exec, ctx, days, end),
  ]);
  if (!tenant) throw new AppError('not_found', 'Workspace not found');
  const { totals, activity, lines } = await withAnalyticsPlanner(exec, async (tx) => ({
    totals: await listOrderTotals(tx, ctx, opts.by, period),
    activity: await listActivity(tx, ctx, opts.by, period),
    lines: await listLineMix(tx, ctx, opts.by, period),
  }));
  const markets = summarizeMarkets(totals, activity, lines, rates).map((m) => ({
    ...m,
    id: m.key ?? UNKNOWN_MARKET,
    label: marketLabel(opts.by, m.key, tenant.locale),
  }));
  const missing = new Map<string, number>();
  for (const t of totals) {
    if (t.currency === rates.base || rates.rates.has(t.currency)) continue;
    missing.set(t.currency, (missing.get(t.currency) ?? 0) + t.orders);
  }
  const overview: MarketsOverview = {
    by: opts.by,
    period,
    currency: rates.base,
    locale: tenant.locale,
    timeZone: tenant.timeZone,
    markets,
    missingRates: [...missing]
      .map(([currency, orders]) => ({ currency, orders }))
      .sort((a, b) => b.orders - a.orders || a.currency.localeCompare(b.currency)),
  };
  return { overview, lines };
}

export interface GapProductView extends GapProduct {
  title: string;
}

export interface MarketDetail {
  overview: MarketsOverview;
  market: Market;
  /** 7 × 24 counts (Monday first, local hours) of paid orders and of product/page views. */
  orders: number[][];
  views: number[][];
  /** The most similar market by category mix (cosine), with the products that sell in one only. */
  similar: {
    market: Market;
    similarity: number;
    onlyHere: GapProductView[];
    onlyThere: GapProductView[];
  } | null;
}

const grid = () => Array.from({ length: 7 }, () => new Array<number>(24).fill(0));

/**
 * One market in detail: its figures, local-time seasonality, most similar market and gap
 * products. `marketId` is a country code / locale tag or UNKNOWN_MARKET; null when no such market
 * has data in the period (the page shows not-found).
 */
export async function getMarketDetail(
  exec: Executor,
  ctx: Ctx,
  marketId: string,
  options: MarketsOptions = {},
): Promise<MarketDetail | null> {
  const { overview, lines } = await loadOverview(exec, ctx, options);
  const market = overview.markets.find((m) => m.id === marketId);
  if (!market) return null;
  const rows = await withAnalyticsPlanner(exec, (tx) =>
    listWeekHours(tx, ctx, overview.by, market.key, overview.period, overview.timeZone),
  );
  const orders = grid();
  const views = grid();
  for (const r of rows) {
    const g = r.kind === 'orders' ? orders : views;
    const row = g[r.weekday];
    if (row && r.hour >= 0 && r.hour < 24) row[r.hour] = (row[r.hour] ?? 0) + r.count;
  }
  let similar: MarketDetail['similar'] = null;
  const mixes = purchaseMixes(lines);
  const best = market.key === null ? null : mostSimilar(market.key, mixes.categories);
  const other = best ? overview.markets.find((m) => m.key === best.market) : undefined;
  if (best && other && market.key !== null) {
    const here = mixes.products.get(market.key) ?? new Map();
    const there = mixes.products.get(best.market) ?? new Map();
    const onlyHere = gapProducts(here, market.orders, there, other.orders);
    const onlyThere = gapProducts(there, other.orders, here, market.orders);
    const titles = await listProductTitles(
      exec,
      ctx,
      [...onlyHere, ...onlyThere].map((g) => g.key),
      overview.locale,
    );
    const named = (g: GapProduct) => ({ ...g, title: titles.get(g.key) ?? 'Unknown product' });
    similar = {
      market: other,
      similarity: best.similarity,
      onlyHere: onlyHere.map(named),
      onlyThere: onlyThere.map(named),
    };
  }
  return { overview, market, orders, views, similar };
}
