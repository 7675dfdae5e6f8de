import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { events, products, productTexts, tenants } from '@/db/schema';
import { analyzeProduct } from '@/lib/embeddings/analyze';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { languageMismatches, localeCoverage, productsMissingLocale, searchLanguages } from './coverage';

const EN_TEXT = 'A light, breathable shirt made from pure European linen, perfect for warm summer days.';
const DAY = 86_400_000;

async function addProduct(
  db: Db,
  ctx: TenantContext,
  externalId: string,
  title: Record<string, string>,
  description: Record<string, string> = {},
  status = 'active',
): Promise<string> {
  const [row] = await db
    .insert(products)
    .values({
      tenantId: ctx.tenantId,
      externalId,
      title,
      description,
      status,
      priceMinor: 1000,
      currency: 'EUR',
    })
    .returning({ id: products.id });
  return row!.id;
}

async function addEvents(
  db: Db,
  ctx: TenantContext,
  rows: { who: string; type: 'search' | 'review'; text: string; ago?: number }[],
): Promise<void> {
  const now = Date.now();
  await db.insert(events).values(
    rows.map((e, i) => ({
      tenantId: ctx.tenantId,
      eventId: `${e.type}-${e.who}-${i}`,
      type: e.type,
      anonymousId: e.who,
      query: e.type === 'search' ? e.text : null,
      context: e.type === 'review' ? { rating: 5, text: e.text } : {},
      occurredAt: new Date(now - (e.ago ?? 1) * DAY - i * 1000),
    })),
  );
}

describe.each(testDrivers())('catalog language coverage (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'cov-a')).ctx;
    b = (await createTestTenant(db, 'cov-b')).ctx;
    await db
      .update(tenants)
      .set({ supportedLocales: ['en', 'de', 'fr'] })
      .where(eq(tenants.id, a.tenantId));
    ids.full = await addProduct(
      db,
      a,
      'FULL',
      { en: 'Linen shirt', de: 'Leinenhemd' },
      { en: 'Soft', de: 'Weich' },
    );
    ids.enOnly = await addProduct(db, a, 'EN', { en: 'Wool scarf' });
    ids.blankDe = await addProduct(db, a, 'BLANK', { en: 'Belt', de: '  ' }, { de: 'Gürtel aus Leder' });
    ids.spanish = await addProduct(db, a, 'ES', { es: 'Camisa', en: 'Shirt' });
    ids.archived = await addProduct(db, a, 'OLD', { en: 'Old', de: 'Alt' }, {}, 'archived');
    ids.other = await addProduct(db, b, 'B1', { en: 'Other', ja: 'シャツ' });
  });

  it('counts titles and descriptions per locale, default and supported first', async () => {
    const rows = await localeCoverage(h().db, a);
    expect(
      rows.map((r) => [r.locale, r.supported, r.isDefault, r.total, r.withTitle, r.withDescription]),
    ).toEqual([
      ['en', true, true, 4, 4, 1],
      ['de', true, false, 4, 1, 2],
      ['fr', true, false, 4, 0, 0],
      ['es', false, false, 4, 1, 0],
    ]);
    expect(rows[1]).toMatchObject({ name: 'German', titleShare: 0.25, descriptionShare: 0.5 });
    expect(rows.some((r) => r.locale === 'ja')).toBe(false);
  });

  it('reports a workspace without products', async () => {
    const { ctx } = await createTestTenant(h().db, 'cov-empty');
    expect(await localeCoverage(h().db, ctx)).toEqual([
      expect.objectContaining({ locale: 'en', total: 0, withTitle: 0, titleShare: null }),
    ]);
  });

  it('pages through active products lacking a locale', async () => {
    const db = h().db;
    const expected = [ids.enOnly!, ids.blankDe!, ids.spanish!].sort();
    const first = await productsMissingLocale(db, a, 'de', { limit: 2 });
    expect(first.items.map((x) => x.id)).toEqual(expected.slice(0, 2));
    expect(first.nextCursor).toBe(expected[1]);
    const second = await productsMissingLocale(db, a, 'de', { limit: 2, after: first.nextCursor });
    expect(second.items.map((x) => x.id)).toEqual(expected.slice(2));
    expect(second.nextCursor).toBeNull();
    const all = await productsMissingLocale(db, a, 'fr', { limit: 50 });
    expect(all.items).toHaveLength(4);
    expect(all.items.find((x) => x.externalId === 'ES')).toEqual({
      id: ids.spanish,
      externalId: 'ES',
      title: 'Shirt',
    });
    expect((await productsMissingLocale(db, b, 'de', { limit: 50 })).items.map((x) => x.externalId)).toEqual([
      'B1',
    ]);
    await expect(productsMissingLocale(db, a, 'de', { limit: 2, after: "x' or 1=1" })).rejects.toThrow(
      /cursor/,
    );
  });

  it('lists products whose locale text is reliably another language, for its own tenant only', async () => {
    const db = h().db;
    const wrong = await analyzeProduct({
      title: { en: 'Linen shirt', de: 'Linen shirt' },
      description: { en: EN_TEXT, de: EN_TEXT },
      categoryPath: [],
      brand: null,
      attributes: {},
    });
    const sure = (language: string, probability = 0.99) => ({ language, probability, reliable: true });
    const row = (ctx: TenantContext, productId: string, languages: Record<string, unknown>) => ({
      tenantId: ctx.tenantId,
      productId,
      textHash: 'h',
      languages: languages as Record<
        string,
        { language: string | null; probability: number; reliable: boolean }
      >,
    });
    await db.insert(productTexts).values([
      row(a, ids.full!, wrong.languages),
      row(a, ids.enOnly!, {
        en: { language: 'de', probability: 0.6, reliable: false },
        'de-AT': sure('de'),
      }),
      row(a, ids.blankDe!, { nb: sure('no'), en: sure('fr', 0.8) }),
      row(a, ids.spanish!, { es: sure('pt', 0.95), en: sure('en') }),
      row(a, ids.archived!, { de: sure('en') }),
      row(b, ids.other!, { ja: sure('zh') }),
    ]);
    const found = await languageMismatches(db, a, { limit: 10 });
    expect(found.map((m) => [m.externalId, m.locale, m.detected])).toEqual([
      ['FULL', 'de', 'en'],
      ['ES', 'es', 'pt'],
    ]);
    expect(found[0]).toMatchObject({ productId: ids.full, title: 'Leinenhemd', detectedName: 'English' });
    expect(found[0]!.probability).toBeGreaterThan(0.95);
    expect(await languageMismatches(db, a, { limit: 1 })).toHaveLength(1);
    expect(
      (await languageMismatches(db, a, { limit: 10, minProbability: 0.5 })).map((m) => m.locale),
    ).toContain('en');
    expect(await languageMismatches(db, b, { limit: 10 })).toEqual([
      expect.objectContaining({ externalId: 'B1', locale: 'ja', detected: 'zh' }),
    ]);
  });

  it('tells which languages shoppers write in and whether the catalog covers them', async () => {
    const db = h().db;
    await addEvents(db, a, [
      { who: 'de1', type: 'search', text: 'bequeme schuhe für den alltag' },
      { who: 'de1', type: 'search', text: 'leichte sommerhose für damen' },
      { who: 'de1', type: 'search', text: 'warme winterjacke mit kapuze' },
      { who: 'de1', type: 'search', text: 'Warme Winterjacke mit Kapuze ' },
      { who: 'pl1', type: 'search', text: 'kurtka zimowa damska z kapturem' },
      { who: 'pl1', type: 'search', text: 'buty skórzane męskie' },
      { who: 'pl1', type: 'search', text: 'sukienka letnia w kwiaty' },
      { who: 'en1', type: 'search', text: 'comfortable shoes for everyday' },
      { who: 'en1', type: 'search', text: 'light summer trousers for women' },
      { who: 'en1', type: 'search', text: 'warm winter jacket with hood' },
      { who: 'short', type: 'search', text: 'hemd' },
      { who: 'r1', type: 'review', text: 'Bardzo dobra jakość, polecam wszystkim!' },
      { who: 'r2', type: 'review', text: 'Bardzo dobra jakość, polecam wszystkim!' },
      { who: 'r3', type: 'review', text: 'Sehr gute Qualität, schnelle Lieferung, gerne wieder.' },
      { who: 'old', type: 'search', text: 'kurtka zimowa damska z kapturem', ago: 45 },
      { who: 'old', type: 'review', text: 'Bardzo dobra jakość, polecam wszystkim!', ago: 45 },
    ]);
    await addEvents(db, b, [
      {
        who: 'ja1',
        type: 'review',
        text: 'この純リネンのシャツは軽くて通気性がよく、暑い夏の日にぴったりです。',
      },
    ]);
    const r = await searchLanguages(db, a, { days: 30 });
    expect(r).toMatchObject({ days: 30, total: 14, undetermined: 1 });
    expect(r.languages.map((l) => [l.language, l.count, l.inCatalog])).toEqual([
      ['de', 5, true],
      ['pl', 5, false],
      ['en', 3, true],
    ]);
    expect(r.languages[1]).toMatchObject({ name: 'Polish', share: 5 / 13 });
    expect(r.languages.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1);

    const recent = await searchLanguages(db, a, { days: 30, sample: 1 });
    expect(recent.total).toBeLessThanOrEqual(5);
    const other = await searchLanguages(db, b, {});
    expect(other.languages).toEqual([
      { language: 'ja', name: 'Japanese', share: 1, count: 1, inCatalog: true },
    ]);
  });

  it('is empty without shopper text', async () => {
    const { ctx } = await createTestTenant(h().db, 'cov-quiet');
    expect(await searchLanguages(h().db, ctx)).toEqual({
      days: 30,
      total: 0,
      undetermined: 0,
      languages: [],
    });
  });
});
