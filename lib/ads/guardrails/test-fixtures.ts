/** Products, contexts and candidates for the guardrail and pipeline tests. */
import type {
  AdChannel,
  AdLocale,
  Candidate,
  CreativeFields,
  GuardrailContext,
  ProductFact,
} from '@/lib/ads/types';

/** A product; `price`/`compareAt` in major units of `currency`. */
export function product(
  title: string,
  price: number,
  opts: { currency?: string; compareAt?: number; brand?: string; category?: string; id?: string } = {},
): ProductFact {
  const currency = opts.currency ?? 'EUR';
  const digits = currency === 'JPY' || currency === 'KRW' ? 0 : 2;
  const toMinor = (v: number) => Math.round(v * 10 ** digits);
  const compareAtMinor = opts.compareAt === undefined ? null : toMinor(opts.compareAt);
  const priceMinor = toMinor(price);
  return {
    id: opts.id ?? `p-${title.toLowerCase().replace(/\W+/g, '-')}`,
    externalId: title,
    title,
    brand: opts.brand ?? null,
    category: opts.category ?? null,
    priceMinor,
    currency,
    compareAtMinor,
    discountPercent: compareAtMinor ? Math.round((1 - priceMinor / compareAtMinor) * 100) : null,
  };
}

export function context(
  locale: AdLocale,
  products: ProductFact[],
  overrides: Partial<GuardrailContext> = {},
): GuardrailContext {
  return {
    channel: 'banner',
    locale,
    products,
    brandName: null,
    bannedWords: [],
    requiredTerms: [],
    seen: new Set(),
    ...overrides,
  };
}

export function candidate(fields: CreativeFields, productIds: string[] = []): Candidate {
  return { fields, productIds };
}

/** A banner (headline + button), the smallest creative. */
export function banner(headline: string, cta = 'Shop now'): Candidate {
  return candidate({ headline: [headline], cta: [cta] });
}

/** A valid creative of each channel in English, for tests that vary one thing. */
export function englishCreative(channel: AdChannel): Candidate {
  switch (channel) {
    case 'google-rsa':
      return candidate({
        headlines: ['Linen shirts for summer', 'Light and breathable', 'Shop the new collection'],
        descriptions: [
          'Our linen shirts keep you cool on warm days.',
          'Find your size and colour in the online store today.',
        ],
      });
    case 'meta':
      return candidate({
        primaryText: ['Our linen shirts keep you cool on the warmest summer days.'],
        headline: ['Linen shirts for summer'],
      });
    case 'email':
      return candidate({
        subject: ['Linen shirts for the summer are here'],
        preheader: ['Light, breathable and ready for warm days.'],
      });
    case 'banner':
      return banner('Linen shirts for the summer are here');
  }
}
