import { describe, expect, it } from 'vitest';
import { CAMPAIGN_OBJECTIVES } from '@/db/schema/ads';
import { AD_LOCALES } from '@/lib/ads/types';
import { formatMessage } from '../render';
import { PHRASES } from './index';

const ROLES = ['short', 'long', 'cta'] as const;
const BASE = {
  title: 'Linen Shirt',
  brand: 'Nordlys',
  store: 'Tailor Store',
  category: 'shirts',
  Category: 'Shirts',
  interest: 'knitwear',
  Interest: 'Knitwear',
  price: '€49.90',
  discount: '20%',
  compareAt: '€59.90',
};

describe('phrase tables', () => {
  it.each(AD_LOCALES)('%s renders every phrase for every objective, band, RFM group and count', (locale) => {
    const table = PHRASES[locale];
    for (const role of ROLES) {
      for (const phrase of table[role]) {
        for (const objective of CAMPAIGN_OBJECTIVES) {
          for (const band of ['premium', 'budget', 'mid', 'none']) {
            for (const rfm of ['lapsed', 'loyal', 'other']) {
              for (const count of [1, 3]) {
                const seen = new Set<string>();
                for (let v = 0; v < (phrase.variants ?? 1); v++) {
                  const args = { ...BASE, objective, band, rfm, count, v: String(v) };
                  const out = formatMessage(phrase.msg, locale, args);
                  expect(out, phrase.msg).not.toMatch(/[{}#]/);
                  expect(out.length, phrase.msg).toBeGreaterThan(1);
                  seen.add(out);
                }
                expect(seen.size, `every wording differs: ${phrase.msg}`).toBe(phrase.variants ?? 1);
              }
            }
          }
        }
      }
    }
  });

  it.each(AD_LOCALES)('%s has several variants per role and objective', (locale) => {
    const table = PHRASES[locale];
    for (const objective of CAMPAIGN_OBJECTIVES) {
      const applies = (role: (typeof ROLES)[number]) =>
        table[role].filter((p) => !p.for || p.for.includes(objective)).length;
      expect(applies('short')).toBeGreaterThanOrEqual(16);
      expect(applies('long')).toBeGreaterThanOrEqual(11);
      expect(applies('cta')).toBeGreaterThanOrEqual(5);
    }
    for (const carrier of table.withTerm) expect(carrier).toMatch(/\{text\}.*\{term\}|\{term\}.*\{text\}/);
  });

  it.each(AD_LOCALES)(
    '%s prints no number of its own and claims nothing the catalog cannot back',
    (locale) => {
      const table = PHRASES[locale];
      for (const role of ROLES) {
        for (const phrase of table[role]) {
          // Every digit, percent sign or currency in the copy must come from a slot.
          const literal = phrase.msg.replace(/\{[a-zA-Z]+\}/g, '').replace(/(^|[\s,}])\d+ \{/g, '$1{');
          expect(literal, phrase.msg).not.toMatch(/[\d%€$£¥￥₩]/);
          // compareAt only has a value for a discounted product, so either slot guards a discount claim.
          for (const slot of ['discount', 'compareAt'] as const) {
            if (phrase.msg.includes(`{${slot}}`)) expect(phrase.needs, phrase.msg).toContain(slot);
          }
        }
      }
    },
  );

  it('English copy makes no shipping, price-leadership or guarantee claims', () => {
    const all = ROLES.flatMap((role) => PHRASES.en[role].map((p) => p.msg)).join('\n');
    expect(all).not.toMatch(/free|best|cheapest|lowest|guarantee|#1|only at|sale/i);
  });
});
