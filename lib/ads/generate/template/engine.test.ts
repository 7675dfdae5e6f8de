import { describe, expect, it } from 'vitest';
import { AD_CHANNELS, CAMPAIGN_OBJECTIVES } from '@/db/schema/ads';
import { CHANNELS, textLength } from '@/lib/ads/channels';
import { AD_LOCALES, type AdLocale, type Candidate, type GenerationRequest } from '@/lib/ads/types';
import { sampleProducts, sampleRequest } from './fixtures';
import { quotedTexts } from './engine';
import { createTemplateGenerator } from './index';
import { containsWord } from './text';

const generator = createTemplateGenerator();
const texts = (c: Candidate) => Object.values(c.fields).flat();
const money = (minor: number, currency: string, locale: string, digits = 2) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);

function expectComplete(request: GenerationRequest, candidates: Candidate[]): void {
  const spec = CHANNELS[request.channel];
  expect(candidates).toHaveLength(request.count);
  const signatures = new Set(candidates.map((c) => JSON.stringify(c.fields)));
  expect(signatures.size).toBe(candidates.length);
  for (const candidate of candidates) {
    expect(Object.keys(candidate.fields).sort()).toEqual(spec.fields.map((f) => f.key).sort());
    for (const field of spec.fields) {
      const list = candidate.fields[field.key]!;
      expect(list.length, `${field.key} of ${JSON.stringify(candidate.fields)}`).toBeGreaterThanOrEqual(
        field.min,
      );
      expect(list.length).toBeLessThanOrEqual(field.max);
      for (const text of list) {
        expect(textLength(text, spec.counting), text).toBeLessThanOrEqual(field.limit);
        expect(text.trim(), field.key).toBe(text);
        expect(text, 'ICU leftovers').not.toMatch(/[{}]/);
      }
    }
    const all = texts(candidate);
    expect(new Set(all).size, 'a text repeated within the creative').toBe(all.length);
    expect(candidate.productIds.length).toBeGreaterThan(0);
  }
}

describe('createTemplateGenerator', () => {
  it('names its provider and model', () => {
    expect(generator.provider).toBe('template');
    expect(generator.model).toBe('template:v1');
  });

  for (const locale of AD_LOCALES) {
    it.each(AD_CHANNELS)(
      `${locale} × %s: complete creatives within the limits for every objective`,
      async (channel) => {
        for (const objective of CAMPAIGN_OBJECTIVES) {
          const request = sampleRequest(locale, channel, { objective, count: 4 });
          expectComplete(request, await generator.generate(request));
        }
      },
    );
  }

  it.each(AD_LOCALES)(
    '%s: prints prices exactly as Intl formats them and no other number',
    async (locale) => {
      for (const [currency, digits] of [
        ['EUR', 2],
        ['JPY', 0],
        ['USD', 2],
      ] as const) {
        const products = sampleProducts(locale, currency, 4990);
        const facts = [
          money(4990, currency, locale, digits),
          money(Math.round(4990 * 1.25), currency, locale, digits),
          money(4990 * 2 - 1, currency, locale, digits),
          new Intl.NumberFormat(locale, { style: 'percent' }).format(0.2),
        ];
        let pricesSeen = 0;
        for (const channel of AD_CHANNELS) {
          const out = await generator.generate(sampleRequest(locale, channel, { products, count: 4 }));
          for (const text of out.flatMap(texts)) {
            let rest = text;
            for (const fact of facts) {
              if (rest.includes(fact)) pricesSeen++;
              rest = rest.split(fact).join(' ');
            }
            expect(rest, `${text} has a number that is not the catalog's`).not.toMatch(/\d/);
          }
        }
        expect(pricesSeen, `${locale} ${currency}`).toBeGreaterThan(0);
      }
    },
  );

  it('formats yen without minor units', async () => {
    const products = sampleProducts('ja', 'JPY', 4990);
    const out = await generator.generate(sampleRequest('ja', 'google-rsa', { products, count: 5 }));
    const joined = out.flatMap(texts).join('\n');
    expect(joined).toContain(
      new Intl.NumberFormat('ja', { style: 'currency', currency: 'JPY' }).format(4990),
    );
    expect(joined).not.toMatch(/49\.90|4,990\.00/);
  });

  it.each(AD_LOCALES)('%s: mentions a discount only for the discounted product', async (locale) => {
    const [discounted, fullPrice] = sampleProducts(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent' }).format(0.2);
    for (const channel of AD_CHANNELS) {
      const plain = await generator.generate(
        sampleRequest(locale, channel, { products: [fullPrice!], count: 4 }),
      );
      for (const text of plain.flatMap(texts)) expect(text).not.toContain('%');
      const sale = await generator.generate(
        sampleRequest(locale, channel, { products: [discounted!], count: 6 }),
      );
      if (channel !== 'banner') expect(sale.flatMap(texts).join('\n')).toContain(percent);
    }
  });

  it('is deterministic for a seed and varies across seeds', async () => {
    for (const locale of ['en', 'de', 'ja'] as AdLocale[]) {
      for (const channel of AD_CHANNELS) {
        const request = sampleRequest(locale, channel, { seed: 7 });
        expect(await generator.generate(request)).toEqual(await generator.generate({ ...request }));
        const variants = new Set<string>();
        for (let seed = 1; seed <= 8; seed++) {
          variants.add(JSON.stringify(await generator.generate({ ...request, seed })));
        }
        expect(variants.size, `${locale} ${channel}`).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('proposes other texts on a retry with feedback, still deterministically', async () => {
    const request = sampleRequest('en', 'google-rsa', { count: 1 });
    const retry = { ...request, feedback: ['duplicate: headlines[0] was already used'] };
    const first = await generator.generate(request);
    expect(await generator.generate(retry)).toEqual(await generator.generate(retry));
    expect(await generator.generate(retry)).not.toEqual(first);
  });

  it('steers clear of texts quoted in the feedback', async () => {
    const request = sampleRequest('de', 'google-rsa', { count: 2 });
    const used = (await generator.generate(request)).flatMap(texts).slice(0, 6);
    const feedback = used.map((t, i) => `headlines[${i}]: "${t}" is already used by another creative`);
    const retry = await generator.generate({ ...request, feedback });
    expectComplete(request, retry);
    for (const text of retry.flatMap(texts)) expect(used).not.toContain(text);
    expect(quotedTexts(['a: “Hallo Welt” b', 'c: « Bonjour » d', 'none here'])).toEqual([
      'Hallo Welt',
      'Bonjour',
    ]);
  });

  it('never uses a banned word, whatever its case or accents', async () => {
    const banned: Record<AdLocale, string[]> = {
      en: ['discover', 'NORDLYS', 'shop'],
      de: ['entdecken', 'Nordlys', 'jetzt'],
      fr: ['decouvrez', 'Nordlys'],
      es: ['descubre', 'Nordlys'],
      it: ['scopri', 'Nordlys'],
      nl: ['ontdek', 'Nordlys'],
      pt: ['conheca', 'Nordlys'],
      ja: ['おすすめ', 'Nordlys'],
      zh: ['推荐', 'Nordlys'],
      ko: ['추천', 'Nordlys'],
    };
    for (const locale of AD_LOCALES) {
      for (const channel of AD_CHANNELS) {
        const request = sampleRequest(locale, channel, {
          bannedWords: banned[locale],
          count: 4,
          temperature: 1.5,
        });
        const out = await generator.generate(request);
        expectComplete(request, out);
        for (const text of out.flatMap(texts)) {
          for (const word of banned[locale])
            expect(containsWord(text, word), `${text} / ${word}`).toBe(false);
        }
      }
    }
  });

  it('drops a product title that holds a banned word', async () => {
    const request = sampleRequest('en', 'google-rsa', { bannedWords: ['linen'], count: 3 });
    const out = await generator.generate(request);
    expectComplete(request, out);
    expect(out.flatMap(texts).join('\n')).not.toMatch(/linen/i);
  });

  it.each(AD_LOCALES)('%s: works every required term into every creative', async (locale) => {
    for (const channel of AD_CHANNELS) {
      const requiredTerms = ['Tailor Store', 'Nordic'];
      const request = sampleRequest(locale, channel, { requiredTerms, count: 3 });
      const out = await generator.generate(request);
      expectComplete(request, out);
      for (const candidate of out) {
        for (const term of requiredTerms) {
          expect(
            texts(candidate).some((t) => containsWord(t, term)),
            `${term} in ${JSON.stringify(candidate)}`,
          ).toBe(true);
        }
      }
    }
  });

  it('writes copy without products from the segment and the store', async () => {
    for (const channel of AD_CHANNELS) {
      const request = sampleRequest('fr', channel, { products: [], count: 2 });
      const out = await generator.generate(request);
      expect(out).toHaveLength(2);
      for (const c of out) expect(c.productIds).toEqual([]);
    }
  });

  it('names the products a creative mentions', async () => {
    const out = await generator.generate(sampleRequest('en', 'google-rsa', { count: 2 }));
    expect(out[0]!.productIds).toContain('p-1');
    expect(out[1]!.productIds).toContain('p-2');
  });

  it('rejects when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(generator.generate(sampleRequest('en', 'meta'), controller.signal)).rejects.toThrow('stop');
  });
});
