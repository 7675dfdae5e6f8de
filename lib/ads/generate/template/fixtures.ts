/**
 * Requests for the template engine's tests (and anyone who wants a realistic sample): two
 * products per locale with titles in that language, one discounted, prices in EUR (or any
 * currency passed), a segment of lapsed premium shoppers.
 */
import type { AdChannel, AdLocale, GenerationRequest, ProductFact } from '@/lib/ads/types';

/** A product title per locale, as a catalog in that language would have it. */
export const SAMPLE_TITLES: Record<AdLocale, readonly [string, string]> = {
  en: ['Classic Linen Shirt', 'Merino Wool Sweater'],
  de: ['Klassisches Hemd aus Leinen', 'Pullover aus Merinowolle'],
  fr: ['Chemise classique en lin', 'Pull en laine mérinos'],
  es: ['Camisa clásica de lino', 'Jersey de lana merino'],
  it: ['Camicia classica in lino', 'Maglione in lana merino'],
  nl: ['Klassiek linnen overhemd', 'Trui van merinowol'],
  pt: ['Camisa clássica de linho', 'Suéter de lã merino'],
  ja: ['クラシックなリネンシャツ', 'メリノウールのセーター'],
  zh: ['经典亚麻衬衫', '美利奴羊毛衫'],
  ko: ['클래식 린넨 셔츠', '메리노 울 스웨터'],
};

/** Two products: the first discounted 20 % (compare-at price set), the second at full price. */
export function sampleProducts(locale: AdLocale, currency = 'EUR', priceMinor = 4990): ProductFact[] {
  const [first, second] = SAMPLE_TITLES[locale];
  return [
    {
      id: 'p-1',
      externalId: 'SKU-1',
      title: first,
      brand: 'Nordlys',
      category: 'Shirts',
      priceMinor,
      currency,
      compareAtMinor: Math.round(priceMinor * 1.25),
      discountPercent: 20,
    },
    {
      id: 'p-2',
      externalId: 'SKU-2',
      title: second,
      brand: 'Fjellro',
      category: 'Knitwear',
      priceMinor: priceMinor * 2 - 1,
      currency,
      compareAtMinor: null,
      discountPercent: null,
    },
  ];
}

/** A complete request; `overrides` replace any field. */
export function sampleRequest(
  locale: AdLocale,
  channel: AdChannel,
  overrides: Partial<GenerationRequest> = {},
): GenerationRequest {
  return {
    channel,
    locale,
    objective: 'sales',
    segment: {
      id: null,
      name: 'Lapsed premium shoppers',
      size: 420,
      topCategories: [{ name: 'Shirts', share: 0.4 }],
      topBrands: [{ name: 'Nordlys', share: 0.3 }],
      priceBand: 'premium',
      rfmSegment: 'at_risk',
    },
    products: sampleProducts(locale),
    brandName: 'Tailor Store',
    requiredTerms: [],
    bannedWords: [],
    temperature: 0.7,
    seed: 42,
    count: 3,
    ...overrides,
  };
}
