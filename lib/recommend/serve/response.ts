/**
 * The response's items and widget block, built from the ruled candidates and the cached catalog
 * and storefront settings (no query). With a publishable key, reasons that would quote the
 * shopper's history are dropped: a storefront answer may only echo what the browser itself sent.
 */
import type { WidgetTheme } from '@/db/schema';
import type { StorefrontSettings } from '@/lib/storefront/schemas';
import { productUrl } from '@/lib/storefront/service';
import { formatReason } from '../explain/format';
import type { Reason } from '../explain/reasons';
import type { ServingCatalog } from './catalog-cache';
import type { ServedPlacement, WidgetLayout } from './lookups';

export interface RecommendedItem {
  productId: string;
  externalId: string;
  title: string;
  price: { amountMinor: number; currency: string };
  /** Storefront link: the product's attributes.url, else the settings' product URL template. */
  url: string;
  /** The product's first image; absent when it has none. */
  imageUrl?: string;
  score: number;
  reasons?: { kind: Reason['kind']; text: string; contribution: number }[];
}

/** How a storefront widget renders this placement. */
export interface RecommendationWidget {
  /** placement title in the locale (or its language, or English), else the default title, else null. */
  title: string | null;
  layout: WidgetLayout;
  theme: WidgetTheme;
}

export interface ItemOptions {
  locale: string;
  explain: boolean;
  /**
   * Publishable key: keep only reasons about items the request named (item, cart, recent) or
   * about no item at all (popularity, rules).
   */
  publicReasonsOnly: boolean;
  /** Catalog indexes the request itself named. */
  named: ReadonlySet<number>;
}

export function titleOf(catalog: ServingCatalog, item: number, locale: string): string | undefined {
  const t = catalog.products[item]?.title;
  if (!t) return undefined;
  return t[locale] ?? t[locale.slice(0, 2)] ?? t.en ?? Object.values(t)[0];
}

/**
 * Product links per catalog (a new catalog object whenever products change) and URL template:
 * building them was a regular expression, two replacements and two encodings per item per request.
 */
const urls = new WeakMap<ServingCatalog, { template: string; byItem: (string | undefined)[] }>();

function urlOf(catalog: ServingCatalog, item: number, template: string): string {
  let kept = urls.get(catalog);
  if (!kept || kept.template !== template) {
    kept = { template, byItem: [] };
    urls.set(catalog, kept);
  }
  let url = kept.byItem[item];
  if (url === undefined) {
    url = productUrl(template, catalog.products[item]!);
    kept.byItem[item] = url;
  }
  return url;
}

/** The response items, in the order given, skipping products no longer in the catalog. */
export function toItems(
  ruled: readonly { item: number; score: number; reasons: Reason[] }[],
  catalog: ServingCatalog,
  settings: StorefrontSettings,
  o: ItemOptions,
): RecommendedItem[] {
  const names = (i: number) => titleOf(catalog, i, o.locale) ?? 'another product';
  const items: RecommendedItem[] = [];
  for (const r of ruled) {
    const p = catalog.products[r.item];
    if (!p) continue;
    const reasons = o.publicReasonsOnly ? r.reasons.filter((x) => isPublic(x, o.named)) : r.reasons;
    items.push({
      productId: p.id,
      externalId: p.externalId,
      title: titleOf(catalog, r.item, o.locale) ?? p.externalId,
      price: { amountMinor: p.priceMinor, currency: p.currency },
      url: urlOf(catalog, r.item, settings.productUrlTemplate),
      ...(p.imageUrl ? { imageUrl: p.imageUrl } : {}),
      score: r.score,
      ...(o.explain
        ? {
            reasons: reasons.map((reason) => ({
              kind: reason.kind,
              text: formatReason(reason, names, o.locale),
              contribution: reason.contribution,
            })),
          }
        : {}),
    });
  }
  return items;
}

function isPublic(r: Reason, named: ReadonlySet<number>): boolean {
  switch (r.kind) {
    case 'buy_again':
      return false;
    case 'collaborative':
      return r.neighbours.length > 0 && r.neighbours.every((n) => named.has(n.item));
    case 'content':
      return named.has(r.similarTo);
    case 'session':
      return named.has(r.item);
    case 'bought_together':
      return named.has(r.with);
    default:
      return true;
  }
}

/** The widget block of a named placement (title by locale, layout, the workspace theme). */
export function widgetOf(
  placement: ServedPlacement,
  settings: StorefrontSettings,
  locale: string,
): RecommendationWidget {
  const t = placement.titles;
  return {
    title: t[locale] ?? t[locale.split('-')[0]!.toLowerCase()] ?? t.en ?? settings.defaultTitle ?? null,
    layout: placement.layout,
    theme: settings.theme,
  };
}
