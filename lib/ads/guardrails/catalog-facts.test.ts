import { describe, expect, it } from 'vitest';
import { checkCatalogFacts } from './catalog-facts';
import { findNumbers, numberValues } from './money';
import { allowedAmounts } from './prices';
import { banner, context, product } from './test-fixtures';

const shirt = product('Classic Linen Shirt', 19.99, {
  compareAt: 24.99,
  category: 'Shirts',
  brand: 'Northwind',
});
const scarf = product('Wool Scarf', 1234.5);
const full = product('Canvas Tote', 20);

function failures(text: string, ctx: ReturnType<typeof context>) {
  return checkCatalogFacts(banner(text), ctx).filter((c) => !c.passed);
}
function passes(text: string, ctx: ReturnType<typeof context>) {
  const failed = failures(text, ctx);
  expect(failed, failed.map((f) => f.reason).join('\n')).toEqual([]);
}

describe('catalog_facts: prices', () => {
  it.each([
    ['de', 'Leinenhemd jetzt für 19,99 € statt 24,99 €'],
    ['de', 'Nur 19,99'],
    ['de', 'Schal für 1.234,50 €'],
    ['de', 'Tasche für 20,00 € oder 20 €'],
    ['fr', 'La chemise à 19,99\u00a0€'],
    ['fr', 'La chemise à 19,99 €'],
    ['fr', 'Écharpe à 1\u202f234,50\u00a0€'],
    ['fr', 'Écharpe à 1 234,50 €'],
    ['nl', 'Nu € 19,99'],
    ['es', 'Bufanda por 1234,50 €'],
  ] as const)('%s accepts the catalog price in %s', (locale, text) => {
    passes(text, context(locale, [shirt, scarf, full]));
  });

  it.each([
    ['en', 'Now $19.99, was $24.99', 'USD'],
    ['en', 'Only 19.99 today', 'USD'],
    ['ja', '今なら¥1,980', 'JPY'],
    ['ja', '今なら￥1,980', 'JPY'],
    ['ja', '今なら１，９８０円', 'JPY'],
    ['ja', '今なら1,980', 'JPY'],
    ['zh', '现在只要¥19.99', 'CNY'],
    ['ko', '지금 ₩19,900', 'KRW'],
  ] as const)('%s accepts %s', (locale, text, currency) => {
    const price = currency === 'JPY' ? 1980 : currency === 'KRW' ? 19900 : 19.99;
    const compareAt = currency === 'JPY' ? 2480 : currency === 'KRW' ? 24900 : 24.99;
    passes(text, context(locale, [product('Linen Shirt', price, { currency, compareAt })]));
  });

  it('rejects an amount no product costs, naming the catalog prices', () => {
    const [f] = failures('Jetzt nur 17,99 €', context('de', [shirt]));
    expect(f?.reason).toBe(
      'Headline: Says 17,99 €, but no product in this campaign costs that (catalog prices: 19,99 €, 24,99 €)',
    );
    expect(f?.field).toBe('headline[0]');
  });

  it('rejects the right amount in the wrong locale format', () => {
    const [f] = failures('Jetzt nur 19.99 €', context('de', [shirt]));
    expect(f?.reason).toBe('Headline: Writes 19.99 €, but in German the catalog price is written 19,99 €');
    expect(
      failures('Now $19,99', context('en', [product('Shirt', 19.99, { currency: 'USD' })])),
    ).toHaveLength(1);
  });

  it('rejects a price in another currency', () => {
    const [f] = failures('Now $19.99', context('en', [shirt]));
    expect(f?.reason).toBe("Headline: Says $19.99, but this campaign's prices are in EUR");
    expect(failures('今なら¥1,980', context('ja', [shirt]))).toHaveLength(1);
  });

  it('rejects bare price-like numbers that are no catalog price, ignores plain counts', () => {
    expect(failures('Nur 29,99 heute', context('de', [shirt]))).toHaveLength(1);
    passes('3 Farben, seit 1998', context('de', [shirt]));
    passes('Size XL2, 50ml, SKU4711', context('en', [shirt]));
    passes('Nur 1,5 kg leicht, 2,5 cm Saum', context('de', [shirt]));
  });

  it('rejects a JPY amount that differs from the catalog', () => {
    const jp = [product('リネンシャツ', 1980, { currency: 'JPY' })];
    expect(failures('今なら￥1,680', context('ja', jp))[0]?.reason).toContain(
      'no product in this campaign costs that',
    );
    passes('リネンシャツ ￥1,980', context('ja', jp));
  });
});

describe('catalog_facts: discounts', () => {
  it.each([
    ['en', '-20% on linen shirts'],
    ['en', 'Save 20 % today'],
    ['de', 'Jetzt 20 % Rabatt'],
    ['fr', '-20\u202f% sur le lin'],
    ['ja', '今なら20%オフ'],
    ['ja', '今なら２０％オフ'],
    ['ko', '지금 20% 할인'],
  ] as const)('%s accepts the catalog discount: %s', (locale, text) => {
    passes(text, context(locale, [shirt]));
  });

  it('rejects a percentage that is no product discount', () => {
    const [f] = failures('Says 30 % off everything', context('en', [shirt]));
    expect(f?.reason).toBe(
      'Headline: Says 30 %, but no product in this campaign is discounted by 30 % (discounts: 20 %)',
    );
  });

  it('rejects percentages and discount words when nothing is discounted', () => {
    const ctx = context('en', [full]);
    expect(failures('20 % off canvas totes', ctx)[0]?.reason).toBe(
      'Headline: Says 20 %, but no product in this campaign is discounted',
    );
    expect(failures('Summer sale on canvas totes', ctx)[0]?.reason).toBe(
      "Headline: Mentions 'sale' (a discount), but no product in this campaign is discounted",
    );
    expect(failures('Großer Rabatt auf Taschen', context('de', [full]))).toHaveLength(1);
    expect(failures('夏のセール開催中', context('ja', [full]))).toHaveLength(1);
    expect(failures('여름 할인 행사', context('ko', [full]))).toHaveLength(1);
    passes('Summer sale on linen shirts', context('en', [shirt]));
  });
});

describe('catalog_facts: claims and names', () => {
  it.each([
    ['en', 'Free shipping on all shirts', "'free shipping'"],
    ['en', 'The best price in town', "'best price'"],
    ['en', 'The #1 linen shirt', "'#1' (number one)"],
    ['de', 'Die Nr. 1 für Leinen', "'nr. 1' (number one)"],
    ['es', 'La camisa nº 1 del verano', "'nº 1' (number one)"],
    ['ja', 'リネンシャツNo.1', "'no.1' (number one)"],
    ['en', 'Quality guaranteed', "'guaranteed'"],
    ['de', 'Versandkostenfrei bestellen', "'versandkostenfrei' (free shipping)"],
    ['fr', 'Livraison gratuite dès maintenant', "'livraison gratuite' (free shipping)"],
    ['es', 'Envío gratis hoy', "'envio gratis' (free shipping)"],
    ['ja', '送料無料でお届け', "'送料無料' (free shipping)"],
    ['zh', '全场包邮', "'包邮' (free shipping)"],
    ['ko', '무료 배송 이벤트', "'무료 배송' (free shipping)"],
  ] as const)('%s rejects a claim: %s', (locale, text, phrase) => {
    const [f] = failures(text, context(locale, [shirt]));
    expect(f?.reason).toBe(`Headline: Mentions ${phrase}: not a fact from your catalog`);
  });

  it('rejects near-miss product names, accepts exact titles, plurals and other names', () => {
    const ctx = context('en', [shirt]);
    expect(failures('Meet the Clasic Linen Shirt', ctx)[0]?.reason).toBe(
      "Headline: Names 'Clasic Linen Shirt', which is not a product title here; the catalog says 'Classic Linen Shirt'",
    );
    expect(failures('“Linen Shirt Classic” is back', ctx)).toHaveLength(1);
    passes('Meet the Classic Linen Shirt', ctx);
    passes('Classic Linen Shirts For Summer', ctx);
    passes('Northwind Shirts For Every Day', ctx);
    passes('Summer Is Here', ctx);
    passes('Ganhe no 1º pedido', context('pt', [shirt]));
    passes('There is no 1-size-fits-all', ctx);
    passes('Neue Leinenhemden Für Den Sommer', context('de', [product('Leinenhemd Classic', 19.99)]));
  });
});

describe('money helpers', () => {
  it('formats catalog amounts as Intl does, with and without the fraction', () => {
    const [a] = allowedAmounts([full], 'de');
    expect(a?.formatted).toBe('20,00 €');
    expect(a?.numbers).toEqual(['20,00', '20']);
  });

  it('reads numbers of every convention', () => {
    expect(numberValues('1.234,56')).toEqual([1234.56]);
    expect(numberValues('1,234.56')).toEqual([1234.56]);
    expect(numberValues('1 234,56')).toEqual([1234.56]);
    expect(numberValues('19,99')).toEqual([19.99]);
    expect(numberValues('1,980')).toEqual([1980, 1.98]);
  });

  it('finds money, price-like numbers and percentages', () => {
    expect(findNumbers('Ab 19,99 € und -20 % und 3 Farben').map((f) => [f.kind, f.raw])).toEqual([
      ['money', '19,99 €'],
      ['percent', '-20 %'],
    ]);
    expect(findNumbers('US$19.99 or R$ 5,00')[0]?.marker).toBe('US$');
  });
});
