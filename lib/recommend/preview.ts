/**
 * Recommendations → Preview (issue 10, "What the merchant sees"): for a shopper, an optional
 * product on screen and an optional cart, every scenario's answer side by side, with scores and
 * reasons — exactly what the API would return with a secret key and `explain=1`.
 */
import type { Db } from '@/db/client';
import { getProduct } from '@/lib/catalog/queries';
import { AppError } from '@/lib/errors';
import { searchProducts } from '@/lib/search/service';
import { sampleSegmentMembers } from '@/lib/segments/members';
import { listSegmentChoices } from '@/lib/segments/service';
import type { TenantContext } from '@/lib/tenant/context';
import { type CounterfactualReport, recommendationCounterfactuals } from './explain/service';
import { findShoppers, hasProducts, listRecentCustomers, type ShopperMatch } from './preview-queries';
import { SCENARIOS, type ScenarioId } from './scenarios';
import { getRecommendations, type RecommendationResult, type RecommendedItem } from './service';

export const PREVIEW_K = 10;
/** The most cart items the preview resolves (the API takes up to 100). */
export const PREVIEW_CART_MAX = 20;
/** The most earlier views of the visit the preview resolves. */
export const PREVIEW_VIEWED_MAX = 10;
/** Members of a chosen segment offered to pick from. */
export const PREVIEW_SEGMENT_SHOPPERS = 8;

export interface PreviewInput {
  /** Customer id, anonymous id, email, or the start of an email or name. */
  shopper?: string;
  /** Context product: Tailor id or the store's own id. */
  item?: string;
  cart?: string[];
  locale: string;
  /** Text to find products with, to use as context product or add to the cart. */
  q?: string;
  /** A segment (id) whose members are offered to pick a shopper from. */
  segment?: string;
  /** Products viewed earlier in this visit, newest first (Tailor ids or the store's ids). */
  viewed?: string[];
}

export interface PreviewProduct {
  id: string;
  externalId: string;
  title: Record<string, string>;
}

export interface ScenarioPreview {
  id: ScenarioId;
  label: string;
  description: string;
  items: RecommendedItem[];
  /** Why the answer is not the scenario's first choice (no model yet, unknown shopper …). */
  fallback?: string;
  /** The scenario could not answer (for example the product is not served). */
  error?: string;
}

export interface PreviewResult {
  /** The workspace has no products: nothing to recommend. */
  empty: boolean;
  shopper: {
    /** The shopper the lists are for, when the search named exactly one. */
    selected: ShopperMatch | null;
    /** Candidates when the search was ambiguous (several matches). */
    matches: ShopperMatch[];
  };
  suggestions: ShopperMatch[];
  /** The workspace's segments, to pick shoppers from. */
  segments: { id: string; name: string }[];
  /** Members of the chosen segment (most recently seen first), null without one. */
  segment: { id: string; name: string; shoppers: ShopperMatch[] } | null;
  item: PreviewProduct | null;
  cart: PreviewProduct[];
  /** The visit's earlier views, newest first: the session the lists react to. */
  viewed: PreviewProduct[];
  /** Products found by `q`, to pick a context product or build a cart. */
  found: PreviewProduct[];
  /** Problems with the input, for the merchant (unknown product, ambiguous shopper …). */
  messages: string[];
  scenarios: ScenarioPreview[];
  model: RecommendationResult['model'];
  /**
   * For a selected shopper: the "For you" list as if each of their latest history products had
   * not happened (issue 8); null without a selected shopper.
   */
  counterfactual: CounterfactualReport | null;
}

/** The scenarios shown, in order, and when each applies. */
const SHOWN: {
  id: ScenarioId;
  when: (c: { item: boolean; cart: boolean; viewed: boolean; shopper: boolean }) => boolean;
}[] = [
  { id: 'for_you', when: () => true },
  { id: 'similar', when: (c) => c.item },
  { id: 'bought_together', when: (c) => c.item || c.cart },
  { id: 'trending', when: () => true },
  { id: 'buy_again', when: () => true },
  // The visit's views, and a customer's own latest ones.
  { id: 'recently_viewed', when: (c) => c.viewed || c.shopper },
];

function productOf(row: {
  id: string;
  externalId: string;
  title: Record<string, string> | null;
}): PreviewProduct {
  return { id: row.id, externalId: row.externalId, title: row.title ?? {} };
}

/**
 * Calls getRecommendations once per applicable scenario (explain, k = 10, secret-key view).
 * An unknown context product or shopper becomes a message, never a 404.
 */
export async function getPreview(db: Db, ctx: TenantContext, input: PreviewInput): Promise<PreviewResult> {
  const messages: string[] = [];
  const [any, suggestions, segments] = await Promise.all([
    hasProducts(db, ctx),
    listRecentCustomers(db, ctx, 5),
    listSegmentChoices(db, ctx),
  ]);
  const result: PreviewResult = {
    empty: !any,
    shopper: { selected: null, matches: [] },
    suggestions,
    segments: segments.map(({ id, name }) => ({ id, name })),
    segment: null,
    item: null,
    cart: [],
    viewed: [],
    found: [],
    messages,
    scenarios: [],
    model: null,
    counterfactual: null,
  };
  if (!any) return result;

  // Shopper: one match is used; several are offered as choices; none is said.
  const shopperText = input.shopper?.trim() ?? '';
  let shopperRef: string | undefined;
  if (shopperText) {
    const matches = await findShoppers(db, ctx, shopperText, 10);
    if (matches.length === 1) {
      const [only] = matches;
      result.shopper.selected = only ?? null;
      shopperRef = only?.externalId ?? only?.anonymousId ?? undefined;
      if (only && !shopperRef)
        messages.push('This shopper has no customer or visitor id: showing anonymous lists.');
    } else if (matches.length > 1) {
      result.shopper.matches = matches;
      messages.push(
        `${matches.length >= 10 ? 'At least 10' : matches.length} shoppers match “${shopperText}”: pick one below. Showing anonymous lists meanwhile.`,
      );
    } else {
      messages.push(`No shopper matches “${shopperText}”: showing anonymous lists.`);
    }
  }

  // A segment's members to pick from (another workspace's segment is unknown here).
  const segmentId = input.segment?.trim() ?? '';
  if (segmentId) {
    const sample = await sampleSegmentMembers(db, ctx, segmentId, PREVIEW_SEGMENT_SHOPPERS);
    if (!sample) messages.push('That segment does not exist in this workspace.');
    else {
      result.segment = { id: sample.segment.id, name: sample.segment.name, shoppers: sample.members };
      if (sample.members.length === 0)
        messages.push(`The segment “${sample.segment.name}” has no shoppers yet.`);
    }
  }

  // Context product and cart, resolved in this workspace only.
  const itemText = input.item?.trim() ?? '';
  if (itemText) {
    const row = await getProduct(db, ctx, itemText);
    if (row) result.item = productOf(row);
    else
      messages.push(`No product “${itemText}” in this workspace: showing lists without a context product.`);
  }
  const cartIds = [...new Set((input.cart ?? []).map((c) => c.trim()).filter(Boolean))];
  if (cartIds.length > PREVIEW_CART_MAX)
    messages.push(`Only the first ${PREVIEW_CART_MAX} cart products are used.`);
  const cartRows = await Promise.all(cartIds.slice(0, PREVIEW_CART_MAX).map((id) => getProduct(db, ctx, id)));
  const unknown: string[] = [];
  cartRows.forEach((row, i) => {
    if (row) result.cart.push(productOf(row));
    else unknown.push(cartIds[i] ?? '');
  });
  if (unknown.length > 0) {
    messages.push(`Not in this workspace, left out of the cart: ${unknown.map((u) => `“${u}”`).join(', ')}.`);
  }
  // The visit's earlier views: the session the lists re-rank by, and the "recently viewed" list.
  const viewedIds = [...new Set((input.viewed ?? []).map((v) => v.trim()).filter(Boolean))].slice(
    0,
    PREVIEW_VIEWED_MAX,
  );
  const viewedRows = await Promise.all(viewedIds.map((id) => getProduct(db, ctx, id)));
  for (const row of viewedRows) if (row) result.viewed.push(productOf(row));
  if (result.viewed.length < viewedIds.length)
    messages.push('Some viewed products are not in this workspace: left out of the visit.');

  const q = input.q?.trim() ?? '';
  if (q) {
    try {
      const search = await searchProducts(db, ctx, { q, k: 8 });
      result.found = search.hits.map((h) => productOf(h.product));
      if (search.hits.length === 0) messages.push(`No product matches “${q}”.`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      messages.push(e.message);
    }
  }

  const selected = result.shopper.selected;
  const has = {
    item: result.item !== null,
    cart: result.cart.length > 0,
    viewed: result.viewed.length > 0,
    shopper: shopperRef !== undefined,
  };
  const counterfactual = selected
    ? recommendationCounterfactuals(db, ctx, { shopperId: selected.id, locale: input.locale }).catch((e) => {
        if (!(e instanceof AppError)) throw e;
        messages.push(e.message);
        return null;
      })
    : null;
  result.scenarios = await Promise.all(
    SHOWN.filter((s) => s.when(has)).map(async ({ id }): Promise<ScenarioPreview> => {
      const meta = SCENARIOS[id];
      const base = { id, label: meta.label, description: meta.description };
      try {
        const answer = await getRecommendations(db, ctx, {
          scenario: id,
          shopper: shopperRef,
          item: result.item?.id,
          cart: result.cart.map((p) => p.id),
          recent: result.viewed.map((p) => p.id),
          k: PREVIEW_K,
          explain: true,
          locale: input.locale,
          nonPersonal: false,
        });
        result.model ??= answer.model;
        return {
          ...base,
          items: answer.items,
          ...(answer.fallback ? { fallback: answer.fallback } : {}),
        };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const error =
          e.code === 'not_found'
            ? 'The context product is not served yet (inactive, or added since the catalog was last loaded).'
            : e.message;
        return { ...base, items: [], error };
      }
    }),
  );
  result.counterfactual = await counterfactual;
  return result;
}
