import type { ScenarioId } from './index';

/** A model (or model view) the serving layer can ask for candidates. */
export type CandidateSource =
  | 'hybrid'
  | 'session'
  | 'item_knn'
  | 'content'
  | 'fbt'
  | 'buy_again'
  | 'recently_viewed'
  | 'trending'
  | 'popular_category'
  | 'popular_country'
  | 'popular_global';

/** What a step needs; the step is skipped when the request lacks it. */
export type StepInput = 'shopper' | 'item' | 'item_or_cart' | 'session' | 'shopper_or_session';

export interface FallbackStep {
  source: CandidateSource;
  needs?: StepInput;
  /** Why the step exists, for the preview ("no neighbours → same-category popular"). */
  why: string;
}

/**
 * Sources tried in order, each filling what the previous left empty, until k items pass the rules.
 * The last step of a discovery scenario needs nothing, so a placement never renders empty for a
 * new shopper or a new product; buy-again and recently-viewed stay honest and may return nothing.
 */
const CHAINS: Readonly<Record<ScenarioId, readonly FallbackStep[]>> = {
  for_you: [
    { source: 'hybrid', needs: 'shopper', why: 'Known shopper: the learned blend of all models.' },
    { source: 'session', needs: 'session', why: 'Unknown shopper with a visit under way: react to it.' },
    {
      source: 'content',
      needs: 'shopper_or_session',
      why: 'Few learned picks: look-alikes of what the shopper viewed or bought.',
    },
    { source: 'popular_country', needs: 'shopper', why: 'Little history: what sells in their country.' },
    { source: 'trending', why: 'Unknown shopper: what is selling now.' },
    { source: 'popular_global', why: 'Too few trending items: best sellers.' },
  ],
  similar: [
    { source: 'item_knn', needs: 'item', why: 'Items bought by the same shoppers.' },
    { source: 'content', needs: 'item', why: 'No (or few) neighbours, e.g. a new product: look-alikes.' },
    {
      source: 'popular_category',
      needs: 'item',
      why: 'Nothing similar known: popular in the same category.',
    },
    { source: 'popular_global', why: 'Uncategorised item: best sellers.' },
  ],
  bought_together: [
    { source: 'fbt', needs: 'item_or_cart', why: 'Items in the same orders.' },
    { source: 'item_knn', needs: 'item_or_cart', why: 'Too few co-purchases: items the same shoppers buy.' },
    {
      source: 'popular_category',
      needs: 'item_or_cart',
      why: 'Nothing related known: popular in the category.',
    },
  ],
  trending: [
    { source: 'trending', why: 'Rising sales.' },
    { source: 'popular_global', why: 'Too few rising items: best sellers.' },
  ],
  buy_again: [{ source: 'buy_again', needs: 'shopper', why: 'The shopper’s own repeat purchases.' }],
  recently_viewed: [
    { source: 'recently_viewed', needs: 'shopper_or_session', why: 'The shopper’s own recent views.' },
  ],
};

/** The full chain for a scenario, first choice first. */
export function fallbackChain(scenario: ScenarioId): readonly FallbackStep[] {
  return CHAINS[scenario];
}

/** The steps this request can use: known shopper? item or cart on screen? a visit under way? */
export function usableSteps(
  scenario: ScenarioId,
  have: { shopper: boolean; item: boolean; cart: boolean; session: boolean },
): FallbackStep[] {
  const ok: Record<StepInput, boolean> = {
    shopper: have.shopper,
    item: have.item,
    item_or_cart: have.item || have.cart,
    session: have.session,
    shopper_or_session: have.shopper || have.session,
  };
  return CHAINS[scenario].filter((s) => s.needs === undefined || ok[s.needs]);
}
