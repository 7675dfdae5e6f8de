/**
 * Generation requests for tests and benches: a discounted and a full-price product, a segment
 * brief with aggregates only, and the folder of the committed tiny GPT-2 test model.
 */
import path from 'node:path';
import type { GenerationRequest, ProductFact, SegmentBrief } from '../types';

/** MODELS_DIR for the committed test models; the tiny decoder is `tailor/tiny-gpt2` in it. */
export const TEST_MODELS_DIR = path.join(import.meta.dirname, 'models');
export const TINY_GPT2 = 'tailor/tiny-gpt2';

export const LINEN_SHIRT: ProductFact = {
  id: '00000000-0000-4000-8000-000000000001',
  externalId: 'SKU-1',
  title: 'Linen Shirt',
  brand: 'Acme',
  category: 'Shirts',
  priceMinor: 4900,
  currency: 'EUR',
  compareAtMinor: 5900,
  discountPercent: 17,
};

export const WOOL_SCARF: ProductFact = {
  id: '00000000-0000-4000-8000-000000000002',
  externalId: 'SKU-2',
  title: 'Wool Scarf',
  brand: 'Acme',
  category: 'Scarves',
  priceMinor: 123456,
  currency: 'EUR',
  compareAtMinor: null,
  discountPercent: null,
};

export const SEGMENT: SegmentBrief = {
  id: '00000000-0000-4000-8000-0000000000aa',
  name: 'Linen lovers',
  size: 420,
  topCategories: [{ name: 'Shirts', share: 0.62 }],
  topBrands: [{ name: 'Acme', share: 0.4 }],
  priceBand: 'premium',
  rfmSegment: 'at_risk',
};

/** A google-rsa request in English about both products; override any field. */
export function testRequest(overrides: Partial<GenerationRequest> = {}): GenerationRequest {
  return {
    channel: 'google-rsa',
    locale: 'en',
    objective: 'sales',
    segment: SEGMENT,
    products: [LINEN_SHIRT, WOOL_SCARF],
    brandName: 'Acme',
    requiredTerms: [],
    bannedWords: [],
    temperature: 0.7,
    seed: 42,
    count: 2,
    ...overrides,
  };
}
