import type { ScenarioId } from '@/lib/recommend/scenarios';

/** A placement every shop can use on day one; titles in the languages we have phrases for. */
export interface DefaultPlacement {
  key: string;
  name: string;
  scenario: ScenarioId;
  count: number;
  titles: Record<string, string>;
}

/**
 * The starter set offered on an empty Placements page: one per common storefront slot. Buy again
 * keeps the default rules: the scenario itself is exempt from "exclude purchased".
 */
export const DEFAULT_PLACEMENTS: readonly DefaultPlacement[] = [
  {
    key: 'home-for-you',
    name: 'Home page: for you',
    scenario: 'for_you',
    count: 8,
    titles: {
      en: 'Picked for you',
      de: 'Für dich ausgewählt',
      fr: 'Choisis pour vous',
      es: 'Elegidos para ti',
    },
  },
  {
    key: 'product-similar',
    name: 'Product page: similar items',
    scenario: 'similar',
    count: 8,
    titles: {
      en: 'Similar items',
      de: 'Ähnliche Artikel',
      fr: 'Articles similaires',
      es: 'Artículos similares',
    },
  },
  {
    key: 'cart-bought-together',
    name: 'Cart: frequently bought together',
    scenario: 'bought_together',
    count: 4,
    titles: {
      en: 'Frequently bought together',
      de: 'Wird oft zusammen gekauft',
      fr: 'Souvent achetés ensemble',
      es: 'Comprados juntos a menudo',
    },
  },
  {
    key: 'trending',
    name: 'Trending now',
    scenario: 'trending',
    count: 8,
    titles: { en: 'Trending now', de: 'Gerade beliebt', fr: 'Tendances du moment', es: 'Tendencias' },
  },
  {
    key: 'buy-again',
    name: 'Buy again',
    scenario: 'buy_again',
    count: 8,
    titles: { en: 'Buy again', de: 'Erneut kaufen', fr: 'Acheter à nouveau', es: 'Volver a comprar' },
  },
];

/** The default's titles for the workspace's locales; a locale without phrases gets the English one. */
export function defaultTitles(d: DefaultPlacement, locales: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of locales) {
    const lang = locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
    out[locale] = d.titles[locale] ?? d.titles[lang] ?? d.titles.en ?? d.name;
  }
  return out;
}
