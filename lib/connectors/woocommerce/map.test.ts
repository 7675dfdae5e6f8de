// A WooCommerce product on sale keeps its regular price as the compare-at ("was") price.
import { describe, expect, it } from 'vitest';
import { wooProduct } from '../testing/fake-woocommerce';
import type { StoreInfo } from '../types';
import { mapWooProduct } from './map';

const STORE: StoreInfo = { name: 'Shop', currency: 'EUR', locale: 'de' };

function mapped(over: Record<string, unknown>) {
  const r = mapWooProduct(wooProduct(1, over), STORE);
  if (!r.ok) throw new Error('expected a record');
  return r.record;
}

describe('WooCommerce compare-at prices', () => {
  it('stores the regular price of a product on sale as compare_at_price_minor', () => {
    const sale = mapped({ price: '14.99', regular_price: '19.99', sale_price: '14.99' });
    expect(sale.priceMinor).toBe(1499);
    expect(sale.attributes?.compare_at_price_minor).toBe(1999);
  });

  it('stores none when the product is not on sale', () => {
    expect(mapped({ sale_price: '' }).attributes).not.toHaveProperty('compare_at_price_minor');
    // A sale price that is not below the regular price is no discount.
    expect(
      mapped({ price: '19.99', regular_price: '19.99', sale_price: '19.99' }).attributes,
    ).not.toHaveProperty('compare_at_price_minor');
  });
});
