import { describe, expect, it } from 'vitest';
import { composeQuery, composeTitle, withTypo } from './grammar';
import { Rng, deriveSeed } from './random';
import { GENERIC_ADJECTIVES } from './vocab/common';
import { CATEGORIES } from './vocab/index';
import { MATERIALS } from './vocab/materials';
import { adjective, noun } from './vocab/spec';
import { DEMO_LOCALES } from './vocab/types';

const classic = GENERIC_ADJECTIVES[0]!;
const linen = MATERIALS.get('linen')!;
const leather = MATERIALS.get('leather')!;
const shirt = noun('Shirt | Hemd:n | chemise:f | camisa:f | シャツ | 衬衫');
const boots = noun('Boots | Stiefel:p | bottes:fp | botas:fp | ブーツ | 靴子');
const waterproof = adjective('Waterproof | wasserdicht | imperméable | impermeable | 防水 | 防水');

describe('composeTitle', () => {
  it('uses each language’s word order and agreement', () => {
    const parts = { adjective: classic, material: linen, noun: shirt };
    expect(DEMO_LOCALES.map((l) => composeTitle(l, parts))).toEqual([
      'Classic Linen Shirt',
      'Klassisches Hemd aus Leinen',
      'Chemise classique en lin',
      'Camisa clásica de lino',
      'クラシックなリネンシャツ',
      '经典亚麻衬衫',
    ]);
  });

  it('declines for plural nouns', () => {
    const parts = { adjective: waterproof, material: leather, noun: boots };
    expect(composeTitle('de', parts)).toBe('Wasserdichte Stiefel aus Leder');
    expect(composeTitle('fr', parts)).toBe('Bottes imperméables en cuir');
    expect(composeTitle('es', parts)).toBe('Botas impermeables de piel');
    const artisanal = adjective(
      'Handcrafted | handgefertigt | artisanal/artisanale | artesanal | 手作り | 手工',
    );
    const mocassins = noun('Loafers | Loafer:p | mocassins:mp | mocasines:mp | ローファー | 乐福鞋');
    expect(composeTitle('fr', { adjective: artisanal, noun: mocassins })).toBe('Mocassins artisanaux');
    expect(composeTitle('es', { adjective: artisanal, noun: mocassins })).toBe('Mocasines artesanales');
  });

  it('works without adjective or material, and lower-cases queries in Latin scripts', () => {
    expect(composeTitle('de', { noun: shirt })).toBe('Hemd');
    expect(composeQuery('de', { noun: shirt, material: linen })).toBe('hemd aus leinen');
    expect(composeQuery('ja', { noun: shirt, material: linen })).toBe('リネンシャツ');
  });

  it('composes a title for every noun, adjective and material in every locale', () => {
    for (const cat of CATEGORIES) {
      for (const sub of cat.subcategories) {
        for (const n of sub.nouns) {
          for (const l of DEMO_LOCALES) {
            const t = composeTitle(l, { adjective: cat.adjectives[0], material: cat.materials[0], noun: n });
            expect(t.trim()).toBe(t);
            expect(t).not.toContain('undefined');
            expect(t).not.toContain('  ');
          }
        }
      }
    }
  });

  it('makes a plausible typo', () => {
    expect(withTypo('sneakers', 0.5)).not.toBe('sneakers');
    expect(withTypo('sneakers', 0.5).length).toBe(8);
  });
});

describe('vocabulary rows', () => {
  it('reject malformed rows', () => {
    expect(() => noun('Shirt | Hemd | chemise:f | camisa:f | シャツ | 衬衫')).toThrow(/gender/);
    expect(() => noun('Shirt | Hemd:n')).toThrow(/malformed/);
  });
});

describe('Rng', () => {
  it('is deterministic per seed and roughly uniform', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws distributions with the right means', () => {
    const rng = new Rng(7);
    const n = 20_000;
    const avg = (f: () => number) => Array.from({ length: n }, f).reduce((s, x) => s + x, 0) / n;
    expect(avg(() => rng.gamma(2, 3))).toBeCloseTo(6, 0);
    expect(avg(() => rng.gamma(0.5, 2))).toBeCloseTo(1, 0);
    expect(avg(() => rng.poisson(3))).toBeCloseTo(3, 0);
    expect(avg(() => rng.beta(2, 6))).toBeCloseTo(0.25, 1);
    const d = rng.dirichlet([1, 2, 3]);
    expect(d.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
  });

  it('makes version-4-shaped UUIDs and distinct derived seeds', () => {
    const uuid = new Rng(1).uuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveSeed(1, 'catalog')).not.toBe(deriveSeed(1, 'shoppers'));
    expect(deriveSeed(1, 'catalog')).toBe(deriveSeed(1, 'catalog'));
  });
});
