import { describe, expect, it } from 'vitest';
import { changedDecisions, declaredDecisions, effectiveConsent, isEmptyDecisions } from './policy';

describe('effectiveConsent', () => {
  // stored → declared → workspace default (opt_out allows, opt_in refuses).
  it.each([
    [undefined, undefined, 'opt_out', true],
    [undefined, undefined, 'opt_in', false],
    [null, null, 'opt_in', false],
    [undefined, true, 'opt_in', true],
    [undefined, false, 'opt_out', false],
    [true, false, 'opt_out', true],
    [false, true, 'opt_out', false],
    [false, undefined, 'opt_out', false],
    [true, undefined, 'opt_in', true],
    [false, true, 'opt_in', false],
    [null, true, 'opt_in', true],
  ] as const)('stored %s, declared %s, mode %s → %s', (stored, declared, mode, expected) => {
    expect(effectiveConsent({ stored, declared, mode })).toBe(expected);
  });
});

describe('declaredDecisions', () => {
  it('maps storefront purposes; marketing and ads both mean advertising, a denial wins', () => {
    expect(declaredDecisions(undefined)).toEqual({});
    expect(declaredDecisions({ analytics: true, personalization: false })).toEqual({
      analytics: true,
      personalization: false,
    });
    expect(declaredDecisions({ marketing: true })).toEqual({ advertising: true });
    expect(declaredDecisions({ ads: false })).toEqual({ advertising: false });
    expect(declaredDecisions({ marketing: true, ads: false })).toEqual({ advertising: false });
    expect(declaredDecisions({ marketing: true, ads: true })).toEqual({ advertising: true });
  });
});

describe('changedDecisions', () => {
  it('keeps only decisions that differ from the current state (unknown counts as different)', () => {
    const current = (p: string) => (p === 'analytics' ? true : p === 'advertising' ? false : undefined);
    expect(changedDecisions(current, { analytics: true, personalization: true, advertising: true })).toEqual({
      personalization: true,
      advertising: true,
    });
    expect(isEmptyDecisions(changedDecisions(current, { analytics: true, advertising: false }))).toBe(true);
  });
});
