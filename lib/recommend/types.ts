/**
 * The contracts of the recommendation engine (issue 10). Models are pure TypeScript over typed
 * arrays: shoppers and items are dense indexes into `Dataset.shopperIds` / `Dataset.itemIds`, so a
 * model never touches the database and the same code serves training, evaluation and the hot path.
 */

/** Interaction kinds, strongest last; weights per kind are a model option. */
export const INTERACTION_KINDS = ['view', 'cart', 'purchase'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export const KIND_CODE: Record<InteractionKind, number> = { view: 0, cart: 1, purchase: 2 };

/**
 * Interactions as parallel columns, sorted by time ascending. `shopper[i]` and `item[i]` index
 * `shopperIds` / `itemIds`; `time[i]` is epoch milliseconds; `kind[i]` a KIND_CODE; `quantity[i]` ≥ 1.
 */
export interface Dataset {
  shopperIds: string[];
  itemIds: string[];
  shopper: Int32Array;
  item: Int32Array;
  time: Float64Array;
  kind: Uint8Array;
  quantity: Float32Array;
  /** Optional item side data, indexed like `itemIds`. */
  itemCategory?: (string | null)[];
  /** Country per shopper, indexed like `shopperIds`. */
  shopperCountry?: (string | null)[];
}

/** What a model is asked: a known shopper (by index) and/or a context (current item, cart, session). */
export interface RecommendQuery {
  shopper?: number;
  /** The item on screen ("similar items", "frequently bought together"). */
  item?: number;
  /** Items in the cart. */
  cart?: number[];
  /** The current visit's recent items, most recent last (session re-ranking). */
  session?: number[];
  /** Point in time of the request (epoch ms): decay and buy-again intervals are relative to it. */
  now: number;
  k: number;
  /** Items never to return (already purchased and excluded by rules, the context item …). */
  exclude?: ReadonlySet<number>;
}

/** A ranked list: item indexes and their scores, best first, at most k. */
export interface Ranked {
  items: Int32Array;
  scores: Float32Array;
}

/** A trained model. `fit` sees only interactions strictly before its `asOf`. */
export interface Recommender {
  readonly name: string;
  fit(train: Dataset, opts: { asOf: number }): void | Promise<void>;
  recommend(q: RecommendQuery): Ranked;
}
