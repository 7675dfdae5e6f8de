import type { PhraseLocale } from './locale';

/**
 * Reason sentences per language. Functions rather than templates because word order and
 * prepositions differ ("Popular in Germany this week" but "Populaire cette semaine (Allemagne)",
 * since French needs en/au/aux by country). Values arrive already localized (numbers, names).
 */
export interface ReasonPhrases {
  likedBy: (names: string[]) => string;
  likedBySimilarShoppers: string;
  similarTo: (name: string, similarity: string) => string;
  boughtAgain: (count: number, countText: string, days: string) => string;
  /** `window` may be '' (all-time popularity). */
  popular: (window: string, scope: string | null) => string;
  trending: (window: string, growth: string) => string;
  justViewed: (name: string) => string;
  boughtWith: (name: string) => string;
  boosted: (rule: string, factor: string) => string;
  buried: (rule: string, factor: string) => string;
  /** `position` is 1-based and already localized. */
  pinned: (position: string) => string;
  /** Re-ranking for fair exposure placed the item (issue 8). */
  fairness: Record<'new_items' | 'small_brands' | 'calibration', string>;
  window: (days: number | null, daysText: string) => string;
}

const spaced = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');
const both = (names: string[], and: string): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}` : (names[0] ?? '');

function windowOf(days: number | null, words: { day: string; week: string; month: string; last: string }) {
  if (days === null) return '';
  if (days <= 1) return words.day;
  if (days === 7) return words.week;
  if (days >= 28 && days <= 31) return words.month;
  return words.last;
}

const en: ReasonPhrases = {
  likedBy: (n) => `Because you liked ${both(n, 'and')}`,
  likedBySimilarShoppers: 'Liked by shoppers with similar taste',
  similarTo: (name, sim) => `Similar to ${name} you viewed (${sim})`,
  boughtAgain: (count, c, days) =>
    count === 1
      ? `Bought once, usually reordered every ${days} days`
      : `Bought ${c} times, usually every ${days} days`,
  popular: (w, scope) =>
    spaced('Popular', scope ? `in ${scope}` : '', w || (scope ? '' : 'with many shoppers')),
  trending: (w, g) => spaced('Trending', w, `(×${g})`),
  justViewed: (name) => `Because you just viewed ${name}`,
  boughtWith: (name) => `Often bought with ${name}`,
  boosted: (rule, f) => `Boosted by rule: ${rule} ×${f}`,
  buried: (rule, f) => `Buried by rule: ${rule} ×${f}`,
  pinned: (pos) => `Pinned to position ${pos} by the merchant`,
  fairness: {
    new_items: 'New in the shop',
    small_brands: 'From a smaller brand we want you to discover',
    calibration: 'Matches the mix of categories you shop',
  },
  window: (d, t) =>
    windowOf(d, { day: 'today', week: 'this week', month: 'this month', last: `in the last ${t} days` }),
};

const de: ReasonPhrases = {
  likedBy: (n) => `Weil Sie sich für ${both(n, 'und')} interessiert haben`,
  likedBySimilarShoppers: 'Beliebt bei Kunden mit ähnlichem Geschmack',
  similarTo: (name, sim) => `Ähnlich wie ${name}, zuletzt angesehen (${sim})`,
  boughtAgain: (count, c, days) =>
    count === 1
      ? `Einmal gekauft, meist alle ${days} Tage nachbestellt`
      : `${c}-mal gekauft, meist alle ${days} Tage`,
  popular: (w, scope) =>
    spaced('Beliebt', scope ? `in ${scope}` : '', w || (scope ? '' : 'bei vielen Kunden')),
  trending: (w, g) => spaced('Im Trend', w, `(×${g})`),
  justViewed: (name) => `Weil Sie gerade ${name} angesehen haben`,
  boughtWith: (name) => `Oft zusammen gekauft mit ${name}`,
  boosted: (rule, f) => `Hervorgehoben durch Regel: ${rule} ×${f}`,
  buried: (rule, f) => `Zurückgestuft durch Regel: ${rule} ×${f}`,
  pinned: (pos) => `Vom Händler auf Position ${pos} fixiert`,
  fairness: {
    new_items: 'Neu im Shop',
    small_brands: 'Von einer kleineren Marke zum Entdecken',
    calibration: 'Passt zu Ihrer Mischung an Kategorien',
  },
  window: (d, t) =>
    windowOf(d, {
      day: 'heute',
      week: 'diese Woche',
      month: 'diesen Monat',
      last: `in den letzten ${t} Tagen`,
    }),
};

const fr: ReasonPhrases = {
  likedBy: (n) => `Parce que vous avez aimé ${both(n, 'et')}`,
  likedBySimilarShoppers: 'Apprécié par des clients aux goûts similaires',
  similarTo: (name, sim) => `Similaire à ${name}, que vous avez consulté (${sim})`,
  boughtAgain: (count, c, days) =>
    count === 1
      ? `Acheté une fois, généralement racheté tous les ${days} jours`
      : `Acheté ${c} fois, généralement tous les ${days} jours`,
  popular: (w, scope) =>
    spaced('Populaire', w || (scope ? '' : 'auprès de nombreux clients'), scope ? `(${scope})` : ''),
  trending: (w, g) => spaced('Tendance', w, `(×${g})`),
  justViewed: (name) => `Parce que vous venez de consulter ${name}`,
  boughtWith: (name) => `Souvent acheté avec ${name}`,
  boosted: (rule, f) => `Mis en avant par la règle : ${rule} ×${f}`,
  buried: (rule, f) => `Rétrogradé par la règle : ${rule} ×${f}`,
  pinned: (pos) => `Épinglé en position ${pos} par le marchand`,
  fairness: {
    new_items: 'Nouveau dans la boutique',
    small_brands: 'D’une petite marque à découvrir',
    calibration: 'Correspond à votre mélange de catégories',
  },
  window: (d, t) =>
    windowOf(d, {
      day: 'aujourd’hui',
      week: 'cette semaine',
      month: 'ce mois-ci',
      last: `ces ${t} derniers jours`,
    }),
};

const es: ReasonPhrases = {
  likedBy: (n) => `Porque te gustó ${both(n, 'y')}`,
  likedBySimilarShoppers: 'Gusta a clientes con gustos similares',
  similarTo: (name, sim) => `Similar a ${name}, que has visto (${sim})`,
  boughtAgain: (count, c, days) =>
    count === 1
      ? `Comprado una vez, normalmente se repite cada ${days} días`
      : `Comprado ${c} veces, normalmente cada ${days} días`,
  popular: (w, scope) =>
    spaced('Popular', scope ? `en ${scope}` : '', w || (scope ? '' : 'entre muchos clientes')),
  trending: (w, g) => spaced('Tendencia', w, `(×${g})`),
  justViewed: (name) => `Porque acabas de ver ${name}`,
  boughtWith: (name) => `Se compra a menudo con ${name}`,
  boosted: (rule, f) => `Destacado por regla: ${rule} ×${f}`,
  buried: (rule, f) => `Relegado por regla: ${rule} ×${f}`,
  pinned: (pos) => `Fijado en la posición ${pos} por la tienda`,
  fairness: {
    new_items: 'Nuevo en la tienda',
    small_brands: 'De una marca pequeña por descubrir',
    calibration: 'Encaja con tu mezcla de categorías',
  },
  window: (d, t) =>
    windowOf(d, { day: 'hoy', week: 'esta semana', month: 'este mes', last: `en los últimos ${t} días` }),
};

export const REASON_PHRASES: Record<PhraseLocale, ReasonPhrases> = { en, de, fr, es };
