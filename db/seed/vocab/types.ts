/** The catalog languages of the demo store (the workspace's supported locales). */
export const DEMO_LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'zh'] as const;
export type DemoLocale = (typeof DEMO_LOCALES)[number];

export type Localized = Record<DemoLocale, string>;

/** German gender (or plural); French and Spanish gender with number. */
export type DeGender = 'm' | 'f' | 'n' | 'p';
export type RomanceGender = 'm' | 'f' | 'mp' | 'fp';

/** A product noun with the grammar the title composer needs. */
export interface Noun {
  en: string;
  de: readonly [string, DeGender];
  fr: readonly [string, RomanceGender];
  es: readonly [string, RomanceGender];
  ja: string;
  zh: string;
  /** Material keys that make sense for this noun (default: all of the category's). */
  materials?: readonly string[];
}

/**
 * An adjective: German as a stem that takes strong endings (-er/-e/-es/-e), French and Spanish
 * as masculine/feminine singular (plurals are derived), Japanese and Chinese as prenominal forms.
 */
export interface Adjective {
  en: string;
  de: string;
  fr: readonly [string, string];
  es: readonly [string, string];
  ja: string;
  zh: string;
  /** Restrict to brands of these tiers (e.g. "Premium" only on premium brands). */
  tiers?: readonly PriceTier[];
  /** Restrict to these subcategory keys (e.g. "Cuddly" only on soft toys). */
  subcategories?: readonly string[];
}

/**
 * A material, ingredient or feature. English and CJK put it before the noun ("Linen Shirt",
 * "リネンシャツ"); German, French and Spanish use the given phrase after it ("aus Leinen").
 */
export interface Material extends Localized {
  key: string;
}

export type PriceTier = 'budget' | 'mid' | 'premium';

export interface SubcategoryDef {
  key: string;
  name: string;
  nouns: readonly Noun[];
  /** Typical mid-tier price band in major units of the store currency. */
  price: readonly [number, number];
}

export type AttributeKind =
  | 'apparel-size'
  | 'shoe-size'
  | 'volume'
  | 'capacity'
  | 'dimensions'
  | 'battery'
  | 'age'
  | 'none';

export interface CategoryDef {
  key: string;
  name: string;
  /** Relative share of catalog and traffic. */
  weight: number;
  /** Month-of-year demand multipliers, January first (12 values). */
  season: readonly number[];
  adjectives: readonly Adjective[];
  materials: readonly Material[];
  subcategories: readonly SubcategoryDef[];
  /** Description sentences, 3+ per locale. */
  benefits: Record<DemoLocale, readonly string[]>;
  attributes: AttributeKind;
  /** Whether products carry a colour. */
  colored: boolean;
  /** Share of orders containing this category that are returned. */
  returnRate: number;
}
