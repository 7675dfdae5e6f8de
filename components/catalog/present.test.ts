import { describe, expect, it } from 'vitest';
import { catalogHref, nextK, parseCatalogQuery, parsePrice, pickLocalized, stockText } from './present';
import { categoryOptions } from './search-form';

describe('parseCatalogQuery', () => {
  it('reads the form values and turns prices into minor units of the workspace currency', () => {
    const q = parseCatalogQuery(
      {
        q: '  Stiefel ',
        mode: 'semantic',
        category: 'Shoes>Boots',
        brand: 'Brisa',
        min: '10',
        max: '99,5',
        stock: '1',
      },
      'EUR',
    );
    expect(q).toMatchObject({ q: 'Stiefel', mode: 'semantic', k: 20, inStock: true, problems: [] });
    expect(q.filters).toEqual({
      category: ['Shoes', 'Boots'],
      brand: 'Brisa',
      minPriceMinor: 1000,
      maxPriceMinor: 9950,
      inStock: true,
    });
  });

  it('falls back to defaults and reports values it ignores', () => {
    const q = parseCatalogQuery(
      { mode: 'magic', k: '7', min: 'cheap', max: '-3', missing: 'de; drop' },
      'EUR',
    );
    expect(q.mode).toBe('hybrid');
    expect(q.k).toBe(20);
    expect(q.filters).toEqual({});
    expect(q.problems).toHaveLength(2);
  });

  it('says when the minimum is above the maximum', () => {
    expect(parseCatalogQuery({ min: '50', max: '10' }, 'EUR').problems[0]).toMatch(/above the maximum/);
  });

  it('takes the first of repeated values', () => {
    expect(parseCatalogQuery({ q: ['a', 'b'] }, 'EUR').q).toBe('a');
  });
});

describe('parsePrice', () => {
  it('uses the currency’s minor unit', () => {
    expect(parsePrice('12.34', 'EUR')).toBe(1234);
    expect(parsePrice('1200', 'JPY')).toBe(1200);
    expect(parsePrice('1e3', 'EUR')).toBeNull();
  });
});

describe('catalogHref', () => {
  it('keeps the query, drops defaults and empty values, and applies changes', () => {
    const q = parseCatalogQuery({ q: 'boots', mode: 'keyword', brand: 'Brisa', cursor: 'abc' }, 'EUR');
    expect(catalogHref('demo', q, { cursor: '' })).toBe('/demo/products?q=boots&mode=keyword&brand=Brisa');
    expect(catalogHref('demo', {})).toBe('/demo/products');
  });
});

describe('small formatters', () => {
  it('picks the workspace locale, then English, then any locale', () => {
    expect(pickLocalized({ en: 'Boots', de: 'Stiefel' }, 'de')).toEqual({ text: 'Stiefel', locale: 'de' });
    expect(pickLocalized({ en: 'Boots', de: 'Stiefel' }, 'fr')).toEqual({ text: 'Boots', locale: 'en' });
    expect(pickLocalized({ ja: 'ブーツ', en: ' ' }, 'fr')).toEqual({ text: 'ブーツ', locale: 'ja' });
    expect(pickLocalized({}, 'en')).toBeNull();
  });

  it('says stock in words', () => {
    expect(stockText(null).text).toBe('Not tracked');
    expect(stockText(0).tone).toBe('red');
    expect(stockText(1200, 'en').text).toBe('1,200 in stock');
  });

  it('steps "show more" up to the largest page', () => {
    expect(nextK(20)).toBe(50);
    expect(nextK(100)).toBeNull();
  });

  it('offers every category and its parent', () => {
    const options = categoryOptions([
      { path: ['Shoes', 'Boots'], count: 17 },
      { path: ['Apparel', 'Knitwear'], count: 18 },
    ]);
    expect(options.map((o) => [o.value, o.count])).toEqual([
      ['Apparel', null],
      ['Apparel>Knitwear', 18],
      ['Shoes', null],
      ['Shoes>Boots', 17],
    ]);
  });
});
