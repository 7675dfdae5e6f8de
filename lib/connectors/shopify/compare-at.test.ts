// The compare-at ("was") price of Shopify products, from the GraphQL sync and the REST webhooks:
// stored as attributes.compare_at_price_minor only when above the price the product sells at.
import { describe, expect, it } from 'vitest';
import { gqlProduct } from '../testing/shopify-data';
import type { StoreInfo } from '../types';
import { mapGqlProduct } from './map';
import { mapRestProduct } from './map-rest';

const STORE: StoreInfo = { name: 'Shop', currency: 'EUR', locale: 'en' };

function attributesOf(r: ReturnType<typeof mapGqlProduct>) {
  if (!r.ok) throw new Error('expected a record');
  return r.record.attributes ?? {};
}

describe('Shopify compare-at prices', () => {
  it('takes the compare-at price of the variant selling at the product price (GraphQL)', () => {
    const variants = {
      nodes: [
        { id: 'gid://shopify/ProductVariant/1', sku: 'A', price: '29.00', compareAtPrice: '49.00' },
        { id: 'gid://shopify/ProductVariant/2', sku: 'B', price: '19.00', compareAtPrice: '25.50' },
      ],
    };
    const priceRangeV2 = { minVariantPrice: { amount: '19.00', currencyCode: 'EUR' } };
    expect(
      attributesOf(mapGqlProduct(gqlProduct(1, { variants, priceRangeV2 }), STORE)).compare_at_price_minor,
    ).toBe(2550);
    // Not discounted: no compare-at, or one at or below the price.
    const same = {
      nodes: [{ id: 'gid://shopify/ProductVariant/3', sku: 'C', price: '11.00', compareAtPrice: '11.00' }],
    };
    expect(attributesOf(mapGqlProduct(gqlProduct(1, { variants: same }), STORE))).not.toHaveProperty(
      'compare_at_price_minor',
    );
    expect(attributesOf(mapGqlProduct(gqlProduct(1), STORE))).not.toHaveProperty('compare_at_price_minor');
  });

  it('reads compare_at_price from webhook payloads', () => {
    const payload = {
      id: 77,
      title: 'Linen shirt',
      status: 'active',
      variants: [
        { price: '40.00', compare_at_price: null, sku: 'X' },
        { price: '35.00', compare_at_price: '50.00', sku: 'Y' },
      ],
    };
    const r = mapRestProduct(payload, STORE);
    if (!r.ok) throw new Error('expected a record');
    expect(r.record.priceMinor).toBe(3500);
    expect(r.record.attributes?.compare_at_price_minor).toBe(5000);
    const plain = mapRestProduct({ ...payload, variants: [{ price: '40.00', compare_at_price: '' }] }, STORE);
    if (!plain.ok) throw new Error('expected a record');
    expect(plain.record.attributes).not.toHaveProperty('compare_at_price_minor');
  });
});
