/**
 * The placement types a merchant can create (issue 10) and what each needs to answer. The serving
 * layer reads this to refuse personal scenarios on a publishable key without consent, to skip the
 * purchase exclusion for "buy again", and to walk the fallback chain when a source comes up short.
 */
export const SCENARIO_IDS = [
  'for_you',
  'similar',
  'bought_together',
  'trending',
  'buy_again',
  'recently_viewed',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** 'required': no answer without it; 'optional': used when present; 'none': ignored. */
export type Need = 'required' | 'optional' | 'none';

export interface ScenarioMeta {
  id: ScenarioId;
  label: string;
  description: string;
  needs: { shopper: Need; item: Need; cart: Need; session: Need };
  /**
   * Personal scenarios read a shopper's history: they need personalization consent and, on a
   * publishable (storefront) key, never return more than non-personal data allows.
   */
  personal: boolean;
  /** Buy-again recommends what was bought: the "exclude purchased" rule must not remove it. */
  keepsPurchased: boolean;
}

export const SCENARIOS: Readonly<Record<ScenarioId, ScenarioMeta>> = {
  for_you: {
    id: 'for_you',
    label: 'For you',
    description: 'Personal picks from the shopper’s history and current visit.',
    needs: { shopper: 'optional', item: 'none', cart: 'optional', session: 'optional' },
    personal: true,
    keepsPurchased: false,
  },
  similar: {
    id: 'similar',
    label: 'Similar items',
    description: 'Products like the one on screen.',
    needs: { shopper: 'none', item: 'required', cart: 'none', session: 'none' },
    personal: false,
    keepsPurchased: false,
  },
  bought_together: {
    id: 'bought_together',
    label: 'Frequently bought together',
    description: 'Products often in the same order as the item on screen or the cart.',
    needs: { shopper: 'none', item: 'optional', cart: 'optional', session: 'none' },
    personal: false,
    keepsPurchased: false,
  },
  trending: {
    id: 'trending',
    label: 'Trending',
    description: 'What is selling now, overall or in a category.',
    needs: { shopper: 'none', item: 'optional', cart: 'none', session: 'none' },
    personal: false,
    keepsPurchased: false,
  },
  buy_again: {
    id: 'buy_again',
    label: 'Buy again',
    description: 'Products the shopper buys regularly and is due to reorder.',
    needs: { shopper: 'required', item: 'none', cart: 'none', session: 'none' },
    personal: true,
    keepsPurchased: true,
  },
  recently_viewed: {
    id: 'recently_viewed',
    label: 'Recently viewed',
    description: 'The shopper’s own recent views, most recent first.',
    needs: { shopper: 'optional', item: 'none', cart: 'none', session: 'optional' },
    personal: true,
    keepsPurchased: false,
  },
};

export function isScenarioId(v: string): v is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(v);
}

/** True when the scenario may answer: personal ones need a consenting (or secret-key) caller. */
export function canServe(
  scenario: ScenarioId,
  caller: { publishableKey: boolean; consent: boolean },
): boolean {
  return !SCENARIOS[scenario].personal || caller.consent || !caller.publishableKey;
}

export { type CandidateSource, type FallbackStep, fallbackChain, usableSteps } from './fallback';
