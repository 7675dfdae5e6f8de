import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../channels';
import { LINEN_SHIRT, testRequest } from '../testing/requests';
import { answerShape, buildPrompt, describeProduct, promptText, proposedRange } from './prompt';

const userText = (request = testRequest()) =>
  buildPrompt(request).find((m) => m.role === 'user')?.content ?? '';

describe('buildPrompt', () => {
  it('asks for JSON only in the system message and for the creatives in the user message', () => {
    const [system, user] = buildPrompt(testRequest());
    expect(system?.role).toBe('system');
    expect(system?.content).toMatch(/one JSON object and nothing else/);
    expect(user?.role).toBe('user');
    expect(user?.content).toContain(
      'Answer format: {"creatives":[{"headlines":["…"],"descriptions":["…"]}]}',
    );
  });

  it('quotes the products with prices formatted in the locale, the compare-at price and the discount', () => {
    const de = userText(testRequest({ locale: 'de' }));
    // Intl puts a no-break space before the euro sign: normalize it to compare.
    const plain = de.replaceAll('\u00a0', ' ');
    expect(plain).toContain(
      '1. "Linen Shirt" — brand Acme — category Shirts — price 49,00 € (was 59,00 €, 17 % off)',
    );
    expect(plain).toContain('2. "Wool Scarf" — brand Acme — category Scarves — price 1.234,56 €');
    expect(de).not.toMatch(/Wool Scarf.*was/);
    expect(de).toContain('Language: German (de)');
    const ja = describeProduct(
      { ...LINEN_SHIRT, currency: 'JPY', priceMinor: 4900, compareAtMinor: null, discountPercent: null },
      'ja',
      0,
    );
    expect(ja).toContain('￥4,900');
  });

  it('states every field with its count and limit, and the wide-character rule for Google', () => {
    const text = userText();
    expect(text).toContain(
      '- "headlines" (Headline): 5 to 8 texts, each at most 30 characters (Chinese, Japanese and Korean characters count as 2)',
    );
    expect(text).toContain('- "descriptions" (Description): 2 to 4 texts, each at most 90 characters');
    const email = userText(testRequest({ channel: 'email' }));
    expect(email).toContain('- "subject" (Subject): exactly 1 text, each at most 60 characters');
    expect(email).not.toContain('count as 2');
  });

  it('carries the segment aggregates, brand, required terms, banned words, count and feedback', () => {
    const text = userText(
      testRequest({
        requiredTerms: ['Acme'],
        bannedWords: ['cheap'],
        count: 3,
        feedback: ['headlines[2]: 34 of 30 characters'],
        objective: 'reengagement',
      }),
    );
    expect(text).toContain('Audience: segment "Linen lovers" (420 shoppers)');
    expect(text).toContain('They mostly buy: Shirts (62 %)');
    expect(text).toContain('Price band: premium');
    expect(text).toContain('Customer stage: at risk');
    expect(text).toContain('Brand: Acme');
    expect(text).toContain('use these terms in at least one text: "Acme"');
    expect(text).toContain('Never use these words: "cheap"');
    expect(text).toContain('Write 3 different creatives');
    expect(text).toContain('- headlines[2]: 34 of 30 characters');
    expect(text).toContain('we miss you');
  });

  it('leaves out empty sections', () => {
    const text = userText(testRequest({ brandName: null, feedback: [] }));
    expect(text).not.toContain('Brand:');
    expect(text).not.toContain('Never use');
    expect(text).not.toContain('must use these terms');
    expect(text).not.toContain('previous attempt');
  });
});

describe('helpers', () => {
  it('proposes 5–8 Google headlines and the full range elsewhere', () => {
    const [headlines, descriptions] = CHANNELS['google-rsa'].fields;
    expect(proposedRange(headlines!)).toEqual({ min: 5, max: 8 });
    expect(proposedRange(descriptions!)).toEqual({ min: 2, max: 4 });
    expect(proposedRange(CHANNELS.meta.fields[0]!)).toEqual({ min: 1, max: 5 });
  });

  it('gives the answer shape per channel and a plain prompt ending in JSON:', () => {
    expect(answerShape(testRequest({ channel: 'banner' }))).toBe(
      '{"creatives":[{"headline":["…"],"cta":["…"]}]}',
    );
    expect(promptText(buildPrompt(testRequest()))).toMatch(/\n\nJSON:\n$/);
  });
});
