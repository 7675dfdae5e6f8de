import { ACCESSORIES, APPAREL, SHOES } from './fashion';
import { BEAUTY, ELECTRONICS, SPORTS, TOYS } from './leisure';
import { GARDEN, HOME, KITCHEN } from './living';
import type { CategoryDef } from './types';

/** The demo store's top-level categories, in a fixed order (affinity vectors use it). */
export const CATEGORIES: readonly CategoryDef[] = [
  APPAREL,
  SHOES,
  ACCESSORIES,
  HOME,
  KITCHEN,
  BEAUTY,
  ELECTRONICS,
  SPORTS,
  TOYS,
  GARDEN,
];

/** Subcategories often bought together (frequently-bought-together signal), both directions. */
export const COMPLEMENTS: Readonly<Record<string, readonly string[]>> = {
  tops: ['trousers', 'belts'],
  knitwear: ['scarves-hats', 'trousers'],
  trousers: ['tops', 'belts'],
  outerwear: ['scarves-hats', 'boots'],
  dresses: ['sandals', 'bags'],
  sneakers: ['running'],
  boots: ['outerwear', 'belts'],
  sandals: ['dresses'],
  loafers: ['belts', 'trousers'],
  bags: ['wallets'],
  wallets: ['bags', 'belts'],
  belts: ['trousers'],
  'scarves-hats': ['outerwear', 'knitwear'],
  bedding: ['textiles'],
  decor: ['lighting', 'textiles'],
  textiles: ['bedding', 'decor'],
  lighting: ['decor'],
  cookware: ['knives-tools'],
  tableware: ['coffee-tea'],
  'knives-tools': ['cookware'],
  'coffee-tea': ['tableware'],
  skincare: ['body'],
  haircare: ['body'],
  body: ['skincare', 'haircare'],
  fragrance: ['body'],
  audio: ['phone-accessories'],
  'phone-accessories': ['audio', 'wearables'],
  'smart-home': ['smart-home'],
  wearables: ['phone-accessories', 'running'],
  fitness: ['running'],
  running: ['fitness', 'sneakers'],
  outdoor: ['outdoor', 'cycling'],
  cycling: ['outdoor'],
  building: ['puzzles-games'],
  plush: ['building'],
  'puzzles-games': ['building'],
  'outdoor-toys': ['outdoor-toys'],
  planters: ['garden-tools'],
  'garden-tools': ['planters'],
  'garden-furniture': ['outdoor-lighting'],
  'outdoor-lighting': ['garden-furniture'],
};

export * from './types';
