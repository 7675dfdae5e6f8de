import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../types';
import { LINEN_SHIRT, testRequest, WOOL_SCARF } from '../testing/requests';
import {
  extractJson,
  fallbackCandidates,
  fragments,
  mentionedProducts,
  parseCandidates,
  parseOrFallback,
} from './parse';

const google = JSON.stringify({
  creatives: [
    {
      headlines: ['Linen Shirt for summer', 'Shop Acme', 'New linen'],
      descriptions: ['Light linen.', 'Soft wool.'],
    },
    { headlines: ['Wool Scarf', 'Warm days', 'Acme wool'], descriptions: ['Cosy.', 'Warm.'] },
  ],
});

const rejects = (fn: () => unknown, pattern: RegExp) => {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GeneratorError);
  expect((caught as GeneratorError).code).toBe('bad_response');
  expect((caught as GeneratorError).message).toMatch(pattern);
};

describe('extractJson', () => {
  it('reads plain JSON, fenced JSON and JSON inside prose', () => {
    expect(extractJson('{"a":1}')).toEqual({ a: 1 });
    expect(extractJson('Here you go:\n```json\n{"a":[1,2]}\n```\nEnjoy!')).toEqual({ a: [1, 2] });
    expect(extractJson('Sure! [see note] The answer is {"a":"x } y"} — hope it helps')).toEqual({
      a: 'x } y',
    });
    expect(extractJson('list: [1, 2]')).toEqual([1, 2]);
  });

  it('is undefined when there is no JSON', () => {
    expect(extractJson('no json here')).toBeUndefined();
    expect(extractJson('{broken: json')).toBeUndefined();
  });
});

describe('parseCandidates', () => {
  it('maps creatives to the channel fields and the products they name', () => {
    const candidates = parseCandidates(google, testRequest());
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toEqual({
      fields: {
        headlines: ['Linen Shirt for summer', 'Shop Acme', 'New linen'],
        descriptions: ['Light linen.', 'Soft wool.'],
      },
      productIds: [LINEN_SHIRT.id],
    });
    expect(candidates[1]?.productIds).toEqual([WOOL_SCARF.id]);
  });

  it('tolerates prose, fences, renamed keys, single strings, a bare list and one creative object', () => {
    const meta = testRequest({ channel: 'meta', count: 5 });
    const fenced = 'Sure!\n```json\n[{"primary_text": "  Light   linen ", "Headlines": ["Summer", 3]}]\n```';
    expect(parseCandidates(fenced, meta)).toEqual([
      {
        fields: { primaryText: ['Light linen'], headline: ['Summer', '3'] },
        productIds: [LINEN_SHIRT.id, WOOL_SCARF.id],
      },
    ]);
    const single = parseCandidates('{"headline":"Hi","cta":"Buy"}', testRequest({ channel: 'banner' }));
    expect(single[0]?.fields).toEqual({ headline: ['Hi'], cta: ['Buy'] });
  });

  it('keeps absent fields as empty lists (the guardrails name them) and drops empty texts', () => {
    const [c] = parseCandidates(
      '{"creatives":[{"subject":["Hello", "  ", null]}]}',
      testRequest({ channel: 'email' }),
    );
    expect(c?.fields).toEqual({ subject: ['Hello'], preheader: [] });
  });

  it('returns at most `count` candidates and keeps over-long texts for the guardrails', () => {
    const long = 'x'.repeat(200);
    const text = JSON.stringify({ creatives: [1, 2, 3].map(() => ({ headline: [long], cta: ['Go'] })) });
    const out = parseCandidates(text, testRequest({ channel: 'banner', count: 2 }));
    expect(out).toHaveLength(2);
    expect(out[0]?.fields.headline).toEqual([long]);
  });

  it('throws bad_response without JSON or without any field of the channel', () => {
    rejects(() => parseCandidates('I cannot help with that.', testRequest()), /did not answer with JSON/);
    rejects(
      () => parseCandidates('{"creatives":[{"title":"x"}]}', testRequest()),
      /no creative with the fields headlines, descriptions/,
    );
  });
});

describe('fallback for free text', () => {
  it('splits lines and sentences, dropping markers, labels and quotes', () => {
    expect(
      fragments(
        '1. "Linen for summer"\n- Headline: Shop now! Soft and light.\n\n???\n夏のリネン。新作です。',
      ),
    ).toEqual(['Linen for summer', 'Shop now!', 'Soft and light.', '夏のリネン。', '新作です。']);
  });

  it('fills each field with its fewest texts, creative after creative', () => {
    const text = [
      'Linen Shirt now',
      'Shop Acme',
      'Summer linen',
      'Light and soft.',
      'Made to last.',
      'Extra line',
    ].join('\n');
    const out = fallbackCandidates(text, testRequest({ count: 3 }));
    expect(out).toEqual([
      {
        fields: {
          headlines: ['Linen Shirt now', 'Shop Acme', 'Summer linen'],
          descriptions: ['Light and soft.', 'Made to last.'],
        },
        productIds: [LINEN_SHIRT.id],
      },
    ]);
    const banner = fallbackCandidates(
      'One\nTwo\nThree\nFour\nFive',
      testRequest({ channel: 'banner', count: 5 }),
    );
    expect(banner.map((c) => c.fields)).toEqual([
      { headline: ['One'], cta: ['Two'] },
      { headline: ['Three'], cta: ['Four'] },
    ]);
  });

  it('throws bad_response when there is too little text', () => {
    rejects(
      () => fallbackCandidates('Only one line', testRequest()),
      /neither JSON nor enough lines for one Google responsive search ad creative \(1 of 5\)/,
    );
  });

  it('parseOrFallback uses JSON when there is some, lines otherwise', () => {
    expect(parseOrFallback(google, testRequest())).toHaveLength(2);
    expect(parseOrFallback('Buy\nNow', testRequest({ channel: 'banner' }))[0]?.fields).toEqual({
      headline: ['Buy'],
      cta: ['Now'],
    });
    rejects(() => parseOrFallback('{"nothing":1}', testRequest()), /no creative/);
  });
});

describe('mentionedProducts', () => {
  it('finds titles case-insensitively, else gives every product', () => {
    expect(mentionedProducts({ h: ['the WOOL SCARF is back'] }, [LINEN_SHIRT, WOOL_SCARF])).toEqual([
      WOOL_SCARF.id,
    ]);
    expect(mentionedProducts({ h: ['New in'] }, [LINEN_SHIRT, WOOL_SCARF])).toEqual([
      LINEN_SHIRT.id,
      WOOL_SCARF.id,
    ]);
  });
});
