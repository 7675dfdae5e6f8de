import type {
  Adjective,
  CategoryDef,
  DeGender,
  Localized,
  Material,
  Noun,
  PriceTier,
  RomanceGender,
  SubcategoryDef,
} from './types';

/**
 * The vocabulary is written as compact table rows ("a | b | c") so each entry stays one line;
 * these helpers parse them once at load time and throw on a malformed row.
 */
const FIELD = /\s*\|\s*/;
const TIERS: readonly string[] = ['budget', 'mid', 'premium'];

function fields(spec: string, min: number, max: number): string[] {
  const f = spec.split(FIELD).map((s) => s.trim());
  if (f.length < min || f.length > max || f.some((x, i) => x === '' && i < min)) {
    throw new Error(`malformed vocabulary row: ${spec}`);
  }
  return f;
}

function gendered<G extends string>(text: string, allowed: readonly G[]): readonly [string, G] {
  const at = text.lastIndexOf(':');
  const g = text.slice(at + 1) as G;
  if (at < 1 || !allowed.includes(g)) throw new Error(`missing or unknown gender in "${text}"`);
  return [text.slice(0, at), g];
}

function pair(text: string): readonly [string, string] {
  const [m = text, f] = text.split('/');
  return [m, f ?? m];
}

/** "Shirt | Hemd:n | chemise:f | camisa:f | シャツ | 衬衫 | cotton linen" (materials optional). */
export function noun(spec: string): Noun {
  const [en, de, fr, es, ja, zh, materials] = fields(spec, 6, 7);
  return {
    en: en!,
    de: gendered<DeGender>(de!, ['m', 'f', 'n', 'p']),
    fr: gendered<RomanceGender>(fr!, ['m', 'f', 'mp', 'fp']),
    es: gendered<RomanceGender>(es!, ['m', 'f', 'mp', 'fp']),
    ja: ja!,
    zh: zh!,
    ...(materials ? { materials: materials.split(/\s+/) } : {}),
  };
}

/**
 * "Soft | weich | doux/douce | suave | 柔らかな | 柔软 | plush premium": German stem, French and
 * Spanish masculine/feminine (one form when invariable), then optional restrictions: tier names
 * restrict to brand tiers, anything else to subcategory keys.
 */
export function adjective(spec: string): Adjective {
  const [en, de, fr, es, ja, zh, only] = fields(spec, 6, 7);
  const tokens = only ? only.split(/\s+/) : [];
  const tiers = tokens.filter((t) => TIERS.includes(t)) as PriceTier[];
  const subcategories = tokens.filter((t) => !TIERS.includes(t));
  return {
    en: en!,
    de: de!,
    fr: pair(fr!),
    es: pair(es!),
    ja: ja!,
    zh: zh!,
    ...(tiers.length ? { tiers } : {}),
    ...(subcategories.length ? { subcategories } : {}),
  };
}

/** "key | en | de | fr | es | ja | zh": materials, colours and other keyed translations. */
export function keyed(spec: string): Localized & { key: string } {
  const [key, en, de, fr, es, ja, zh] = fields(spec, 7, 7);
  return { key: key!, en: en!, de: de!, fr: fr!, es: es!, ja: ja!, zh: zh! };
}

/** A comma-separated list ("Anna, Lukas, de Jong"). */
export function list(text: string): string[] {
  return text.split(/\s*,\s*/).filter(Boolean);
}

export interface CategorySpec extends Omit<CategoryDef, 'adjectives' | 'materials' | 'subcategories'> {
  adjectives: readonly string[];
  materials: readonly string[];
  subcategories: readonly (Omit<SubcategoryDef, 'nouns'> & { nouns: readonly string[] })[];
}

/** Builds a category from table rows, resolving material keys against `materials`. */
export function category(spec: CategorySpec, materials: ReadonlyMap<string, Material>): CategoryDef {
  const own = spec.materials.map((key) => {
    const m = materials.get(key);
    if (!m) throw new Error(`unknown material "${key}" in ${spec.key}`);
    return m;
  });
  const subcategories = spec.subcategories.map((s) => ({ ...s, nouns: s.nouns.map(noun) }));
  for (const s of subcategories) {
    for (const n of s.nouns) {
      const stray = n.materials?.find((k) => !spec.materials.includes(k));
      if (stray) throw new Error(`material "${stray}" of ${n.en} is not listed for ${spec.key}`);
    }
  }
  return { ...spec, adjectives: spec.adjectives.map(adjective), materials: own, subcategories };
}
