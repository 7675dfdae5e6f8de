import { beforeAll, describe, expect, it } from 'vitest';
import { GUARDRAIL_IDS } from '@/lib/ads/types';
import { GUARDRAILS, prepareGuardrails, runGuardrails } from '.';
import { candidate, context, englishCreative, product } from './test-fixtures';

const shirt = product('Classic Linen Shirt', 19.99, { compareAt: 24.99 });

describe('runGuardrails', () => {
  beforeAll(async () => {
    await prepareGuardrails();
  });

  it('has one check per guardrail id, in order', () => {
    expect(Object.keys(GUARDRAILS)).toEqual([...GUARDRAIL_IDS]);
  });

  it('passes a clean creative of every channel with one passed result per check', () => {
    for (const channel of ['google-rsa', 'meta', 'email', 'banner'] as const) {
      const r = runGuardrails(englishCreative(channel), context('en', [shirt], { channel }));
      expect(r.passed, JSON.stringify(r.checks.filter((c) => !c.passed))).toBe(true);
      expect(r.checks.map((c) => c.check)).toEqual([...GUARDRAIL_IDS]);
    }
  });

  it('runs every check and reports every failure', () => {
    const ctx = context('en', [shirt], {
      channel: 'google-rsa',
      bannedWords: ['cheap'],
      requiredTerms: ['Northwind'],
    });
    const bad = candidate({
      headlines: ['Cheap linen shirts for summer days', 'Free shipping', 'Free shipping'],
      descriptions: ['Mail anna@example.com for 30 % off the Clasic Linen Shirt.', 'Only $17.99'],
    });
    const r = runGuardrails(bad, ctx);
    expect(r.passed).toBe(false);
    const failedIds = new Set(r.checks.filter((c) => !c.passed).map((c) => c.check));
    expect([...failedIds].sort()).toEqual(
      ['banned_words', 'catalog_facts', 'duplicate', 'length', 'personal_data', 'required_terms'].sort(),
    );
    const reasons = r.checks.filter((c) => !c.passed).map((c) => c.reason);
    expect(reasons).toContain('Headline 1 is 34 of 30 characters');
    expect(reasons).toContain("Headline 2: Mentions 'free shipping': not a fact from your catalog");
    expect(reasons).toContain(
      'Description 1: Says 30 %, but no product in this campaign is discounted by 30 % (discounts: 20 %)',
    );
    expect(reasons).toContain("Description 2: Says $17.99, but this campaign's prices are in EUR");
  });

  it('does not add to ctx.seen itself', () => {
    const ctx = context('en', [shirt]);
    runGuardrails(englishCreative('banner'), ctx);
    expect(ctx.seen.size).toBe(0);
  });
});
