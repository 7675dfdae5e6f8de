import type { PriceTier } from './types';

/** Invented brand names (checked against nothing real on purpose: all fictional). */
export interface BrandDef {
  name: string;
  tier: PriceTier;
  categories: readonly string[];
}

export const BRANDS: readonly BrandDef[] = [
  { name: 'Aldervane', tier: 'premium', categories: ['apparel', 'accessories'] },
  { name: 'Marlowe Street', tier: 'mid', categories: ['apparel', 'shoes'] },
  { name: 'Kettle & Loom', tier: 'budget', categories: ['apparel', 'home'] },
  { name: 'Feldmark', tier: 'mid', categories: ['apparel', 'sports'] },
  { name: 'Atelier Nuage', tier: 'premium', categories: ['apparel', 'beauty'] },
  { name: 'Brisa', tier: 'budget', categories: ['shoes', 'apparel', 'accessories'] },
  { name: 'Solvik', tier: 'mid', categories: ['shoes', 'sports'] },
  { name: 'Corvane', tier: 'premium', categories: ['shoes', 'accessories'] },
  { name: 'Tidewell', tier: 'budget', categories: ['accessories', 'sports'] },
  { name: 'Hollin & Ash', tier: 'mid', categories: ['home', 'garden'] },
  { name: 'Maison Ciel', tier: 'premium', categories: ['home', 'kitchen'] },
  { name: 'Kintsu', tier: 'mid', categories: ['kitchen', 'home'] },
  { name: 'Pepperly', tier: 'budget', categories: ['kitchen', 'home', 'toys'] },
  { name: 'Ferrovia', tier: 'premium', categories: ['kitchen'] },
  { name: 'Hanami Lab', tier: 'mid', categories: ['beauty'] },
  { name: 'Verdelle', tier: 'budget', categories: ['beauty'] },
  { name: 'Lumen Apothecary', tier: 'premium', categories: ['beauty'] },
  { name: 'Okaru', tier: 'mid', categories: ['electronics'] },
  { name: 'Voltana', tier: 'budget', categories: ['electronics'] },
  { name: 'Aurion', tier: 'premium', categories: ['electronics'] },
  { name: 'Pixelpine', tier: 'budget', categories: ['electronics', 'toys'] },
  { name: 'Stonebrook', tier: 'mid', categories: ['sports', 'garden'] },
  { name: 'Kestrel Peak', tier: 'premium', categories: ['sports'] },
  { name: 'Luma Kids', tier: 'mid', categories: ['toys'] },
  { name: 'Tinker & Twig', tier: 'premium', categories: ['toys'] },
  { name: 'Bramblewood', tier: 'mid', categories: ['garden', 'home'] },
  { name: 'Verdant Yard', tier: 'budget', categories: ['garden'] },
  { name: 'Teakline', tier: 'premium', categories: ['garden'] },
  { name: 'Nordhaven', tier: 'mid', categories: ['home', 'accessories'] },
  { name: 'Quillby', tier: 'budget', categories: ['accessories', 'toys'] },
];

/** Price multiplier on a subcategory's mid-tier band, and the tier's share of a category's range. */
export const TIER_PRICE: Record<PriceTier, number> = { budget: 0.6, mid: 1, premium: 1.85 };
export const TIER_SHARE: Record<PriceTier, number> = { budget: 0.35, mid: 0.45, premium: 0.2 };
