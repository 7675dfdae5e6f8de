import { describe, expect, it } from 'vitest';
import { canServe, fallbackChain, SCENARIO_IDS, SCENARIOS, usableSteps } from './index';

describe('scenarios', () => {
  it('marks exactly the history-reading scenarios as personal', () => {
    const personal = SCENARIO_IDS.filter((id) => SCENARIOS[id].personal);
    expect(personal).toEqual(['for_you', 'buy_again', 'recently_viewed']);
    expect(canServe('similar', { publishableKey: true, consent: false })).toBe(true);
    expect(canServe('for_you', { publishableKey: true, consent: false })).toBe(false);
    expect(canServe('for_you', { publishableKey: true, consent: true })).toBe(true);
    expect(canServe('buy_again', { publishableKey: false, consent: false })).toBe(true);
  });

  it('falls back from for_you to trending for an unknown shopper', () => {
    const none = { shopper: false, item: false, cart: false, session: false };
    expect(usableSteps('for_you', none).map((s) => s.source)).toEqual(['trending', 'popular_global']);
    expect(usableSteps('for_you', { ...none, shopper: true })[0]!.source).toBe('hybrid');
  });

  it('falls back from similar to same-category popular when the item has no neighbours', () => {
    const chain = fallbackChain('similar').map((s) => s.source);
    expect(chain.indexOf('popular_category')).toBeGreaterThan(chain.indexOf('item_knn'));
    expect(usableSteps('buy_again', { shopper: false, item: true, cart: true, session: true })).toEqual([]);
  });

  it('ends the for_you and trending chains with a step that needs nothing', () => {
    for (const id of ['for_you', 'trending'] as const)
      expect(fallbackChain(id).at(-1)!.needs).toBeUndefined();
  });
});
