import { describe, expect, it } from 'vitest';
import { checkRequiredTerms } from './required-terms';
import { banner, context } from './test-fixtures';

describe('required_terms', () => {
  it('passes when each term appears in some field', () => {
    const ctx = context('de', [], { requiredTerms: ['Northwind', 'Leinen'] });
    expect(checkRequiredTerms(banner('Leinen für den Sommer', 'Zu NORTHWIND'), ctx)).toEqual([
      { check: 'required_terms', passed: true },
    ]);
    expect(
      checkRequiredTerms(
        banner('夏のノースウィンド'),
        context('ja', [], { requiredTerms: ['ノースウィンド'] }),
      )[0]?.passed,
    ).toBe(true);
  });

  it('names each missing term', () => {
    const ctx = context('en', [], { requiredTerms: ['Northwind', 'linen', ' '] });
    const failed = checkRequiredTerms(banner('Shirts for summer by Northwinds'), ctx);
    expect(failed.map((f) => f.reason)).toEqual([
      "Does not mention the required term 'Northwind' in any field",
      "Does not mention the required term 'linen' in any field",
    ]);
  });

  it('matches accents and case loosely', () => {
    const ctx = context('fr', [], { requiredTerms: ['Été'] });
    expect(checkRequiredTerms(banner("Les chemises de l'ete"), ctx)[0]?.passed).toBe(true);
  });
});
