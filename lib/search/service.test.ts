import { beforeAll, describe, expect, it } from 'vitest';
import type { products } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { useTestDatabase, testDrivers } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { TenantContext } from '@/lib/tenant/context';
import { RRF_K } from './fuse';
import { keywordSearch, queryTerms, tsqueryText } from './keyword';
import { listCatalog, searchProducts, similarProducts } from './service';
import { SEARCH_CATALOG, embedLexically, insertProducts } from './testing/catalog';
import type { CatalogFilters, SearchMode } from './types';

type Product = typeof products.$inferSelect;
const MODES: SearchMode[] = ['keyword', 'semantic', 'hybrid'];

async function expectError(p: Promise<unknown>, code: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
}

describe('keyword query text', () => {
  it('keeps letters and digits only, folded, bounded, with prefix matching on the last term', () => {
    expect(queryTerms(`Crème "brûlée" & | ! ( ) : * 'set'`)).toEqual(['creme', 'brulee', 'set']);
    expect(queryTerms('🧣 ... ')).toEqual([]);
    expect(queryTerms('a '.repeat(5_000))).toEqual(['a']);
    expect(queryTerms(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
    expect(tsqueryText(['linen', 'shirt'], '&')).toBe("'linen' & 'shirt':*");
    expect(tsqueryText(['東京', 'x'], '|')).toBe("'東京':* | 'x':*");
  });
});

describe.each(testDrivers())('catalog search (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  let fresh: TenantContext;
  let byExt: Map<string, Product>;
  let bShirt: Product;
  const ext = (hits: { product: Product }[]) => hits.map((x) => x.product.externalId);

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'search-a')).ctx;
    b = (await createTestTenant(db, 'search-b')).ctx;
    fresh = (await createTestTenant(db, 'search-fresh')).ctx;
    byExt = await insertProducts(db, a, SEARCH_CATALOG);
    bShirt = (
      await insertProducts(db, b, [
        { externalId: 'B-SHIRT', title: { en: 'Linen shirt of B' }, priceMinor: 100, currency: 'EUR' },
      ])
    ).get('B-SHIRT')!;
    expect(await embedLexically(db, a)).toBe(6); // the archived product is not embedded
    expect(await embedLexically(db, b)).toBe(1);
    await insertProducts(db, fresh, [
      {
        externalId: 'VELVET',
        title: { en: 'Velvet cushion', fr: 'Coussin en velours côtelé' },
        priceMinor: 900,
        currency: 'EUR',
      },
    ]);
  });

  it('keyword: accent- and case-insensitive, prefix on the last term, OR when AND finds nothing', async () => {
    const db = h().db;
    for (const q of ['creme', 'CRÈME', 'brulee', 'crème brû']) {
      const r = await searchProducts(db, a, { q, mode: 'keyword' });
      expect(ext(r.hits), q).toEqual(['CREME']);
      expect(r.hits[0]).toMatchObject({ keywordRank: 1 });
      expect(r.hits[0]!.score).toBeGreaterThan(0);
      expect(r.embedder).toBeNull();
    }
    const either = await searchProducts(db, a, { q: 'scarf mug', mode: 'keyword' });
    expect(ext(either.hits).sort()).toEqual(['MUG', 'SCARF']);
    const both = await searchProducts(db, a, { q: 'linen shirt', mode: 'keyword' });
    expect(ext(both.hits)).toEqual(['SHIRT']); // AND matched, so no OR widening
  });

  it('finds a product by its German title and shows it as it is stored (English title first)', async () => {
    const db = h().db;
    for (const mode of MODES) {
      const r = await searchProducts(db, a, { q: 'Leinenhemd', mode });
      expect(r.mode).toBe(mode);
      expect(ext(r.hits)[0], mode).toBe('SHIRT');
      expect(r.hits[0]!.product.title.en).toBe('Linen shirt');
    }
    const semantic = await searchProducts(db, a, { q: 'Leinenhemd', mode: 'semantic' });
    expect(semantic.embedder).toMatchObject({ space: 'lexical@1', kind: 'lexical', dimensions: 512 });
    expect(semantic.hits[0]).toMatchObject({ semanticRank: 1 });
    expect(semantic.hits[0]!.similarity).toBe(semantic.hits[0]!.score);
    const sims = semantic.hits.map((x) => x.similarity!);
    expect(sims).toEqual([...sims].sort((x, y) => y - x));
  });

  it('hybrid fuses both lists by reciprocal rank', async () => {
    const db = h().db;
    const q = 'shirt';
    const kw = await searchProducts(db, a, { q, mode: 'keyword', k: 100 });
    const sem = await searchProducts(db, a, { q, mode: 'semantic', k: 100 });
    const hy = await searchProducts(db, a, { q, mode: 'hybrid', k: 100 });
    expect(hy.mode).toBe('hybrid');
    // Unrelated products stay out of the semantic list (the lexical similarity floor).
    expect(ext(sem.hits)).not.toContain('MUG');
    const union = new Set([...ext(kw.hits), ...ext(sem.hits)]);
    expect(new Set(ext(hy.hits))).toEqual(union);
    for (const hit of hy.hits) {
      const expected =
        (hit.keywordRank ? 1 / (RRF_K + hit.keywordRank) : 0) +
        (hit.semanticRank ? 1 / (RRF_K + hit.semanticRank) : 0);
      expect(hit.score).toBeCloseTo(expected, 12);
    }
    // Found by both lists beats found by one: the two keyword hits lead.
    expect(ext(hy.hits).slice(0, 2).sort()).toEqual(['SHIRT', 'SHIRT-2']);
    expect((await searchProducts(db, a, { q, k: 2 })).hits).toHaveLength(2);
  });

  it('applies filters in every mode', async () => {
    const db = h().db;
    const cases: [CatalogFilters, string[]][] = [
      [{ brand: 'nordic' }, ['SHIRT', 'SHIRT-2']],
      [{ category: ['Apparel', 'Shirts'] }, ['SHIRT', 'SHIRT-2']],
      [{ category: ['Apparel'] }, ['BOOTS', 'SCARF', 'SHIRT', 'SHIRT-2']],
      [{ minPriceMinor: 2000, maxPriceMinor: 4000 }, ['CREME', 'SCARF', 'SHIRT-2']],
      [{ inStock: true, category: ['Apparel'] }, ['BOOTS', 'SCARF', 'SHIRT']],
      [{ inStock: false }, ['SHIRT-2']],
    ];
    // "shirt set boots scarf mug" matches every product by OR (keyword) and is near all (semantic).
    const q = 'shirt set boots scarf mug';
    for (const [filters, expected] of cases) {
      for (const mode of MODES) {
        const r = await searchProducts(db, a, { q, mode, filters, k: 100 });
        expect(ext(r.hits).sort(), `${mode} ${JSON.stringify(filters)}`).toEqual(expected);
      }
    }
    const none = await searchProducts(db, a, { q, filters: { brand: 'nobody' } });
    expect(none.hits).toEqual([]);
  });

  it("never returns another tenant's or an archived product", async () => {
    const db = h().db;
    for (const mode of MODES) {
      const fromB = await searchProducts(db, b, { q: 'linen shirt', mode, k: 100 });
      expect(ext(fromB.hits), mode).toEqual(['B-SHIRT']);
      const fromA = await searchProducts(db, a, { q: 'linen', mode, k: 100 });
      expect(ext(fromA.hits)).not.toContain('B-SHIRT');
      expect(ext(fromA.hits)).not.toContain('TROUSERS');
    }
  });

  it('without vectors, semantic and hybrid answer with keyword results and say why; fresh imports match by title', async () => {
    const db = h().db;
    for (const mode of ['semantic', 'hybrid'] as const) {
      const r = await searchProducts(db, fresh, { q: 'velvet', mode });
      expect(r.mode).toBe('keyword');
      expect(r.notice).toMatch(/No product is embedded/);
      expect(r.embedder).toBeNull();
      expect(ext(r.hits)).toEqual(['VELVET']);
    }
    // The title fallback folds accents too, and still applies filters.
    expect(ext((await searchProducts(db, fresh, { q: 'cotele', mode: 'keyword' })).hits)).toEqual(['VELVET']);
    const filtered = await searchProducts(db, fresh, { q: 'velvet', filters: { minPriceMinor: 1000 } });
    expect(filtered.hits).toEqual([]);
  });

  it('takes any text without failing: operators, quotes, emoji, 10 KB', async () => {
    const db = h().db;
    const odd = [
      "'",
      '"linen',
      'lin & | ! ( ) : * shirt',
      "shirt':* | !",
      '🧣🧣',
      '   ',
      '',
      'ÿ'.repeat(10_000),
      '\\%_',
    ];
    for (const q of odd) {
      await expect(keywordSearch(db, a, { q, limit: 20 })).resolves.toBeInstanceOf(Array);
    }
    expect((await keywordSearch(db, a, { q: 'lin & | ! ( ) : * shirt', limit: 20 })).length).toBeGreaterThan(
      0,
    );
    expect(await keywordSearch(db, a, { q: '🧣', limit: 20 })).toEqual([]);
    const emoji = await searchProducts(db, a, { q: '🧣', mode: 'hybrid' });
    expect(emoji.hits).toEqual([]);
  });

  it('rejects malformed input with a validation error', async () => {
    const db = h().db;
    const bad: unknown[] = [
      null,
      'shirt',
      {},
      { q: '' },
      { q: '   ' },
      { q: 'x'.repeat(501) },
      { q: 'x'.repeat(10_000) },
      { q: 'shirt', k: 0 },
      { q: 'shirt', k: 101 },
      { q: 'shirt', k: 'many' },
      { q: 'shirt', mode: 'fuzzy' },
      { q: 'shirt', filters: { minPriceMinor: 500, maxPriceMinor: 100 } },
      { q: 'shirt', filters: { minPriceMinor: -1 } },
      { q: 'shirt', filters: { category: 'x'.repeat(300) } },
      { q: ['shirt'] },
    ];
    for (const input of bad) await expectError(searchProducts(db, a, input), 'validation_failed');
  });

  it('similar: nearest first, never the product itself, by id or external id', async () => {
    const db = h().db;
    const shirt = byExt.get('SHIRT')!;
    const r = await similarProducts(db, a, shirt.id, { k: 3 });
    expect(r.hits).toHaveLength(3);
    expect(ext(r.hits)).not.toContain('SHIRT');
    expect(ext(r.hits)).not.toContain('TROUSERS');
    expect(ext(r.hits)[0]).toBe('SHIRT-2');
    const sims = r.hits.map((x) => x.similarity);
    expect(sims).toEqual([...sims].sort((x, y) => y - x));
    expect(r.embedder).toMatchObject({ space: 'lexical@1' });
    expect(ext((await similarProducts(db, a, 'SHIRT', { k: 3 })).hits)).toEqual(ext(r.hits));
    const all = await similarProducts(db, a, 'SHIRT', { k: 100 });
    expect(all.hits).toHaveLength(5);
  });

  it("similar: another tenant's or an unknown product is not found; no vector → a notice", async () => {
    const db = h().db;
    await expectError(similarProducts(db, a, bShirt.id), 'not_found');
    await expectError(similarProducts(db, a, 'B-SHIRT'), 'not_found');
    await expectError(similarProducts(db, a, '00000000-0000-0000-0000-000000000000'), 'not_found');
    await expectError(similarProducts(db, a, 'SHIRT', { k: 0 }), 'validation_failed');
    const notEmbedded = await similarProducts(db, fresh, 'VELVET');
    expect(notEmbedded.hits).toEqual([]);
    expect(notEmbedded.notice).toMatch(/not embedded/);
  });

  it('lists the catalog by title, newest or price with a cursor, and facets for the filters', async () => {
    const db = h().db;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listCatalog(db, a, { limit: 3, sort: 'title', cursor });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((p) => p.externalId));
      cursor = page.nextCursor;
    } while (cursor);
    // Coffee mug, Cotton shirt, Crème brûlée set, Leather boots, Linen shirt, Linen trousers, Wool scarf.
    expect(seen).toEqual(['MUG', 'SHIRT-2', 'CREME', 'BOOTS', 'SHIRT', 'TROUSERS', 'SCARF']);
    const byPrice = await listCatalog(db, a, { sort: 'price', limit: 100 });
    expect(byPrice.items.map((p) => p.priceMinor)).toEqual([1200, 2500, 2900, 3900, 4900, 5900, 12900]);
    const newestPages: string[] = [];
    let next: string | null = null;
    do {
      const page = await listCatalog(db, a, { sort: 'newest', limit: 2, cursor: next });
      newestPages.push(...page.items.map((p) => p.id));
      next = page.nextCursor;
    } while (next);
    expect(new Set(newestPages).size).toBe(7);

    const apparel = await listCatalog(db, a, { filters: { category: ['Apparel'] } });
    expect(apparel.total).toBe(5);
    expect(apparel.facets.categories[0]).toEqual({ path: ['Apparel', 'Shirts'], count: 2 });
    expect(apparel.facets.brands).toEqual([
      { brand: 'Nordic', count: 3 },
      { brand: 'Alpen', count: 2 },
    ]);
    expect(apparel.facets.price).toEqual({ minMinor: 2900, maxMinor: 12900 });
    const empty = await listCatalog(db, b, { filters: { brand: 'Maison' } });
    expect(empty).toMatchObject({ items: [], total: 0, nextCursor: null, facets: { price: null } });
    const de = await listCatalog(db, a, { filters: { missingLocale: 'de' } });
    expect(de.items.map((p) => p.externalId).sort()).toEqual(['CREME', 'TROUSERS']);

    const priceCursor = (await listCatalog(db, a, { sort: 'price', limit: 1 })).nextCursor!;
    await expectError(listCatalog(db, a, { sort: 'title', cursor: priceCursor }), 'validation_failed');
    await expectError(listCatalog(db, a, { cursor: 'garbage' }), 'validation_failed');
  });
});
