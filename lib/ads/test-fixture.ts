/**
 * Tests only: a small store for the ads services (products with a discount, an archived and a
 * sold-out one, shoppers with profiles and recent orders, a "VIP" segment) and a deterministic
 * fake copy generator that writes plain English or German copy the guardrails accept.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { orderLines, orders, products, shopperProfiles, shoppers } from '@/db/schema';
import { createSegment } from '@/lib/segments/service';
import type { TenantContext } from '@/lib/tenant/context';
import type { Candidate, CopyGenerator, CreativeFields, GenerationRequest } from './types';

const DAY = 86_400_000;

export interface AdsStore {
  products: { linen: string; mug: string; lamp: string; vase: string; scarf: string };
  vipSegmentId: string;
}

/** Seeds the store into the tenant; VIP = 6 shoppers with 3 orders who bought the linen shirt. */
export async function seedAdsStore(db: Db, ctx: TenantContext): Promise<AdsStore> {
  const tenantId = ctx.tenantId;
  const row = (externalId: string, en: string, de: string, cat: string[], price: number, extra = {}) => ({
    tenantId,
    externalId,
    title: { en, de },
    categoryPath: cat,
    brand: 'Nordwind',
    priceMinor: price,
    currency: 'EUR',
    attributes: { url: `https://shop.example/products/${externalId}` },
    ...extra,
  });
  const inserted = await db
    .insert(products)
    .values([
      row('linen', 'Linen Shirt', 'Leinenhemd', ['Apparel', 'Shirts'], 4900, {
        attributes: { url: 'https://shop.example/products/linen', compare_at_price_minor: 6900 },
        stock: 12,
      }),
      row('mug', 'Stoneware Mug', 'Steingutbecher', ['Home', 'Mugs'], 1800),
      row('lamp', 'Desk Lamp', 'Schreibtischlampe', ['Home', 'Lamps'], 5900, { stock: 3 }),
      row('vase', 'Old Vase', 'Alte Vase', ['Home', 'Vases'], 2500, { status: 'archived' }),
      row('scarf', 'Wool Scarf', 'Wollschal', ['Apparel', 'Scarves'], 3900, { stock: 0 }),
    ])
    .returning({ id: products.id, externalId: products.externalId });
  const id = (ext: string) => inserted.find((p) => p.externalId === ext)!.id;
  const ids = { linen: id('linen'), mug: id('mug'), lamp: id('lamp'), vase: id('vase'), scarf: id('scarf') };

  const buyers = [
    ...Array.from({ length: 6 }, () => ({ vip: true, product: ids.linen, qty: 2 })),
    ...Array.from({ length: 4 }, () => ({ vip: false, product: ids.mug, qty: 1 })),
  ];
  for (const [i, b] of buyers.entries()) {
    const shopperId = randomUUID();
    await db.insert(shoppers).values({ tenantId, id: shopperId, kind: 'customer', externalId: `ads-c-${i}` });
    await db.insert(shopperProfiles).values({
      tenantId,
      shopperId,
      orders: b.vip ? 3 : 1,
      monetaryMinor: b.vip ? 30_000 : 1800,
      topCategory: b.vip ? 'Shirts' : 'Mugs',
      topBrand: 'Nordwind',
      priceBand: b.vip ? 'premium' : 'budget',
      rfmSegment: b.vip ? 'champions' : 'new',
    });
    const orderId = randomUUID();
    await db.insert(orders).values({
      tenantId,
      id: orderId,
      externalId: `ads-o-${i}`,
      shopperId,
      currency: 'EUR',
      totalMinor: 4900 * b.qty,
      placedAt: new Date(Date.now() - (5 + i) * DAY),
    });
    await db.insert(orderLines).values({
      tenantId,
      orderId,
      lineNo: 1,
      productId: b.product,
      productExternalId: 'x',
      quantity: b.qty,
      unitPriceMinor: 4900,
    });
  }
  const vip = await createSegment(db, ctx, {
    name: 'VIP',
    rules: { match: 'all', conditions: [{ field: 'orders', op: 'gte', value: 3 }] },
  });
  return { products: ids, vipSegmentId: vip.id };
}

const WORDS = {
  en: [
    'bright',
    'calm',
    'fresh',
    'bold',
    'warm',
    'clear',
    'light',
    'quiet',
    'happy',
    'gentle',
    'lively',
    'simple',
    'sunny',
    'cosy',
    'crisp',
    'easy',
    'smart',
    'soft',
    'neat',
    'cool',
  ],
  de: [
    'helle',
    'ruhige',
    'frische',
    'kräftige',
    'warme',
    'klare',
    'leichte',
    'stille',
    'frohe',
    'sanfte',
    'muntere',
    'schlichte',
    'sonnige',
    'gemütliche',
    'knackige',
    'lockere',
    'kluge',
    'weiche',
    'feine',
    'kühle',
  ],
} as const;

/** Plain copy for one candidate; `v` picks the variant words so candidates' texts rarely repeat. */
function copyFor(request: GenerationRequest, v: number): CreativeFields {
  const de = request.locale === 'de';
  const words = de ? WORDS.de : WORDS.en;
  // Words by a hash of (variant, text, position): three words out of 20 make thousands of texts, so a
  // campaign's texts rarely collide and a retry writes something else.
  const w = (k: number, j: number) => {
    let h = 2166136261;
    for (const c of `${request.channel}|${v}|${k}|${j}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    // FNV's low bits are weak: mix (murmur3 finalizer) before taking the remainder.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return words[((h ^ (h >>> 16)) >>> 0) % words.length]!;
  };
  const three = (k: number) => `${w(k, 0)}, ${w(k, 1)} and ${w(k, 2)}`;
  const line = (k: number) =>
    de ? `Entdecke die ${three(k)} Auswahl für dich` : `Discover the ${three(k)} selection made for you`;
  const short = (k: number) => (de ? `Die ${w(k, 0)} ${w(k, 1)} Wahl` : `The ${w(k, 0)} ${w(k, 1)} choice`);
  switch (request.channel) {
    case 'google-rsa':
      return { headlines: [short(0), short(1), short(4)], descriptions: [line(0), line(1)] };
    case 'meta':
      return { primaryText: [line(2)], headline: [short(2)] };
    case 'email':
      return { subject: [short(3)], preheader: [line(3)] };
    case 'banner':
      return { headline: [line(4)], cta: [de ? 'Jetzt ansehen' : 'Shop now'] };
  }
}

/**
 * A generator writing `count` candidates of plain copy about the first product (no names, no prices),
 * different per seed; `fail` makes it throw the given error instead; `calls` counts generate()
 * and `locales` lists the locale of each call.
 */
export function fakeGenerator(
  options: { fail?: Error } = {},
): CopyGenerator & { calls: number; locales: string[] } {
  const gen = {
    provider: 'template' as const,
    model: 'fake:v1',
    calls: 0,
    locales: [] as string[],
    async generate(request: GenerationRequest): Promise<Candidate[]> {
      gen.calls += 1;
      gen.locales.push(request.locale);
      if (options.fail) throw options.fail;
      return Array.from({ length: request.count }, (_, i) => ({
        fields: copyFor(request, (request.seed % 1009) * 4 + i),
        productIds: request.products.slice(0, 1).map((p) => p.id),
      }));
    },
  };
  return gen;
}
