import { beforeAll, describe, expect, it } from 'vitest';
import { GET as similarRoute } from '@/app/api/v1/products/[id]/similar/route';
import { GET as searchRoute } from '@/app/api/v1/products/search/route';
import { createApiKey } from '@/lib/apikeys/service';
import { useTestDatabase, testDrivers } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { SEARCH_CATALOG, embedLexically, insertProducts } from './testing/catalog';

/** The search and similar routes as a client calls them: secret key, query string, JSON out. */
describe.each(testDrivers())('products search API (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let keyA: string;
  let shirtId: string;
  let bProductId: string;

  const search = (qs: string, key = keyA) =>
    searchRoute(
      new Request(`http://x/api/v1/products/search?${qs}`, { headers: { authorization: `Bearer ${key}` } }),
    );
  const similar = (id: string, qs = '', key = keyA) =>
    similarRoute(
      new Request(`http://x/api/v1/products/${id}/similar?${qs}`, {
        headers: { authorization: `Bearer ${key}` },
      }),
      { params: Promise.resolve({ id }) },
    );

  beforeAll(async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'api-search-a');
    const b = await createTestTenant(db, 'api-search-b');
    const rows = await insertProducts(db, a.ctx, SEARCH_CATALOG);
    shirtId = rows.get('SHIRT')!.id;
    bProductId = (
      await insertProducts(db, b.ctx, [
        { externalId: 'B-1', title: { en: 'Linen shirt of B' }, priceMinor: 100, currency: 'EUR' },
      ])
    ).get('B-1')!.id;
    await embedLexically(db, a.ctx);
    await embedLexically(db, b.ctx);
    keyA = (await createApiKey(db, a.ctx, { kind: 'secret', name: 'server' })).key;
  });

  it('searches with filters and answers products in the product API shape, with ranks and the embedder', async () => {
    const res = await search(
      'q=Leinenhemd&k=5&mode=hybrid&brand=Nordic&category=Apparel%20%3E%20Shirts&minPrice=1000&maxPrice=5000&inStock=true',
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.mode).toBe('hybrid');
    expect(body.embedder).toEqual({
      space: 'lexical@1',
      label: expect.any(String),
      kind: 'lexical',
      dimensions: 512,
      fallback: false,
    });
    expect(body.data[0]).toMatchObject({
      product: {
        id: shirtId,
        externalId: 'SHIRT',
        title: { en: 'Linen shirt' },
        price: { amountMinor: 4900, currency: 'EUR' },
      },
      score: expect.any(Number),
      similarity: expect.any(Number),
      keywordRank: 1,
      semanticRank: 1,
    });
    expect(body.data[0].product.tenantId).toBeUndefined();
    // SHIRT-2 is out of stock: the only other Nordic shirt is filtered away.
    expect(body.data.map((d: { product: { externalId: string } }) => d.product.externalId)).toEqual([
      'SHIRT',
    ]);

    const kw = await (await search('q=creme&mode=keyword')).json();
    expect(kw).toMatchObject({ mode: 'keyword', embedder: null });
    expect(kw.data[0].product.externalId).toBe('CREME');
    expect(kw.data[0].similarity).toBeUndefined();
  });

  it('answers bad parameters with 422 naming the parameter, never 500', async () => {
    for (const [qs, field] of [
      ['', 'q'],
      ['q=', 'q'],
      ['q=shirt&k=0', 'k'],
      ['q=shirt&k=abc', 'k'],
      ['q=shirt&mode=fuzzy', 'mode'],
      ['q=shirt&minPrice=9&maxPrice=1', 'minPrice'],
      ['q=shirt&minPrice=1.5', 'minPrice'],
      ['q=shirt&inStock=maybe', 'inStock'],
      [`q=${'x'.repeat(600)}`, 'q'],
    ] as const) {
      const res = await search(qs);
      expect(res.status, qs).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('validation_failed');
      expect(Object.keys(body.error.fields)).toContain(field);
    }
    const weird = await search(`q=${encodeURIComponent(`'"&|!():* 🧣 %_\\`)}`);
    expect(weird.status).toBe(200);
    expect((await search('q=shirt', 'sk_not-a-key-00000000000000000000000')).status).toBe(401);
  });

  it("similar: neighbours with similarity; another workspace's product is a 404 in the standard shape", async () => {
    const res = await similar(shirtId, 'k=2');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toEqual({
      product: expect.objectContaining({ externalId: 'SHIRT-2' }),
      similarity: expect.any(Number),
    });
    expect(body.data.map((d: { product: { id: string } }) => d.product.id)).not.toContain(shirtId);
    expect(body.embedder).toMatchObject({ space: 'lexical@1' });
    expect((await (await similar('SHIRT', 'k=2')).json()).data).toEqual(body.data);

    const other = await similar(bProductId);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: 'not_found', message: 'Product not found' } });
    expect((await similar('%E0%A4%A')).status).toBe(404);
    expect((await similar(shirtId, 'k=1000')).status).toBe(422);
  });
});
