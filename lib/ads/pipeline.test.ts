import { describe, expect, it } from 'vitest';
import { createTemplateGenerator } from './generate/template';
import { sampleProducts, sampleRequest } from './generate/template/fixtures';
import { context, product } from './guardrails/test-fixtures';
import { attemptSeed, generateSlot } from './pipeline';
import {
  AD_LOCALES,
  type Candidate,
  type CopyGenerator,
  type GenerationRequest,
  GeneratorError,
  type SegmentBrief,
} from './types';

const shirt = product('Classic Linen Shirt', 19.99, { compareAt: 24.99 });
const segment: SegmentBrief = {
  id: null,
  name: 'All shoppers',
  size: 100,
  topCategories: [],
  topBrands: [],
  priceBand: null,
  rfmSegment: null,
};

function request(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    channel: 'banner',
    locale: 'en',
    objective: 'sales',
    segment,
    products: [shirt],
    brandName: null,
    requiredTerms: [],
    bannedWords: [],
    temperature: 0.7,
    seed: 42,
    count: 3,
    ...overrides,
  };
}

const banner = (headline: string): Candidate => ({
  fields: { headline: [headline], cta: ['Shop now'] },
  productIds: [shirt.id],
});

/**
 * A deterministic fake: each attempt answers from a script (candidates or an error) and records
 * the request it got, so tests can see seeds and feedback.
 */
function fakeGenerator(
  script: (Candidate[] | GeneratorError)[],
): CopyGenerator & { calls: GenerationRequest[] } {
  const calls: GenerationRequest[] = [];
  return {
    provider: 'template',
    model: 'fake:v1',
    calls,
    async generate(req) {
      calls.push(req);
      const step = script[calls.length - 1] ?? [];
      if (step instanceof GeneratorError) throw step;
      return step;
    },
  };
}

describe('generateSlot', () => {
  it('keeps passing candidates, drops failing ones and stops once enough passed', async () => {
    const gen = fakeGenerator([
      [
        banner('Linen shirts for summer'),
        banner('Free shipping on linen'),
        banner('The Classic Linen Shirt: 19,99 €'),
      ],
      [banner('Light linen for warm days'), banner('Another one')],
    ]);
    const ctx = context('en', [shirt]);
    const r = await generateSlot(gen, request(), ctx, { want: 2 });
    expect(r.accepted.map((a) => a.candidate.fields.headline?.[0])).toEqual([
      'Linen shirts for summer',
      'Light linen for warm days',
    ]);
    expect(r.accepted.map((a) => a.attempt)).toEqual([1, 2]);
    expect(r.rejected.map((x) => x.failed.map((f) => f.check))).toEqual([
      ['catalog_facts'],
      ['catalog_facts'],
    ]);
    expect(r.errors).toEqual([]);
    expect(gen.calls).toHaveLength(2);
    expect(ctx.seen.has('linen shirts for summer')).toBe(true);
  });

  it('passes the failures as feedback and a new seed to the next attempt', async () => {
    const gen = fakeGenerator([[banner('Free shipping on linen')], [banner('Linen shirts for summer')]]);
    await generateSlot(gen, request(), context('en', [shirt]), { want: 1 });
    expect(gen.calls[0]?.feedback).toBeUndefined();
    expect(gen.calls[0]?.seed).toBe(42);
    expect(gen.calls[1]?.feedback).toEqual([
      "headline[0]: Headline: Mentions 'free shipping': not a fact from your catalog",
    ]);
    expect(gen.calls[1]?.seed).toBe(attemptSeed(42, 2));
    expect(attemptSeed(42, 2)).not.toBe(42);
    expect(attemptSeed(42, 2)).not.toBe(attemptSeed(42, 3));
  });

  it('rejects a candidate that repeats one accepted earlier in the same slot', async () => {
    const gen = fakeGenerator([[banner('Linen shirts for summer'), banner('Linen shirts for summer!')]]);
    const r = await generateSlot(gen, request(), context('en', [shirt]), { want: 2, maxAttempts: 1 });
    expect(r.accepted).toHaveLength(1);
    expect(r.rejected[0]?.failed[0]?.reason).toBe(
      'Headline "Linen shirts for summer!" is already used by another creative of this campaign',
    );
  });

  it('records provider errors, retries transient ones and never throws them', async () => {
    const gen = fakeGenerator([
      new GeneratorError('timeout', 'No answer within 20 s'),
      [banner('Linen shirts for summer')],
    ]);
    const r = await generateSlot(gen, request(), context('en', [shirt]), { want: 1 });
    expect(r.errors).toEqual([{ code: 'timeout', message: 'No answer within 20 s' }]);
    expect(r.accepted).toHaveLength(1);
  });

  it('stops at once on errors a retry cannot fix', async () => {
    const gen = fakeGenerator([
      new GeneratorError('http_error', 'The endpoint refused the key (401)', 401),
      [banner('Linen shirts for summer')],
    ]);
    const r = await generateSlot(gen, request(), context('en', [shirt]), { want: 1 });
    expect(r.errors.map((e) => e.code)).toEqual(['http_error']);
    expect(r.accepted).toEqual([]);
    expect(gen.calls).toHaveLength(1);
  });

  it('gives up after maxAttempts when nothing passes', async () => {
    const gen = fakeGenerator([
      [banner('Free shipping')],
      [banner('Best price')],
      [banner('#1 linen')],
      [banner('Linen')],
    ]);
    const r = await generateSlot(gen, request(), context('en', [shirt]), { want: 1, maxAttempts: 3 });
    expect(gen.calls).toHaveLength(3);
    expect(r.accepted).toEqual([]);
    expect(r.rejected).toHaveLength(3);
  });

  it('asks again when the generator returns nothing', async () => {
    const gen = fakeGenerator([[], [banner('Linen shirts for summer')]]);
    const r = await generateSlot(gen, request(), context('en', [shirt]), { want: 1 });
    expect(r.accepted).toHaveLength(1);
    expect(gen.calls[1]?.feedback).toEqual(['fields: The answer held no creative']);
  });

  it('rethrows unexpected errors and aborts', async () => {
    const broken: CopyGenerator = {
      provider: 'template',
      model: 'fake:v1',
      generate: async () => {
        throw new TypeError('bug');
      },
    };
    await expect(generateSlot(broken, request(), context('en', [shirt]))).rejects.toThrow('bug');
    const controller = new AbortController();
    controller.abort();
    await expect(
      generateSlot(fakeGenerator([]), request(), context('en', [shirt]), { signal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('generateSlot with the template engine', () => {
  it('accepts template creatives in every locale and channel', async () => {
    const generator = createTemplateGenerator();
    for (const locale of AD_LOCALES) {
      for (const channel of ['google-rsa', 'meta', 'email', 'banner'] as const) {
        const products = sampleProducts(locale);
        const r = await generateSlot(
          generator,
          sampleRequest(locale, channel, { products, count: 3 }),
          { ...context(locale, products), channel },
          { want: 2 },
        );
        const why = r.rejected.flatMap((x) => x.failed.map((f) => `${locale} ${channel}: ${f.reason}`));
        expect(r.accepted.length, why.join('\n')).toBeGreaterThanOrEqual(1);
        expect(r.errors).toEqual([]);
      }
    }
  }, 60_000);
});
