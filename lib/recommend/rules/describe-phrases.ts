import type { PhraseLocale } from '../explain/locale';

/** Sentences for the Placements page, one per active rule; values arrive localized. */
export interface RulePhrases {
  hideOutOfStock: string;
  showOutOfStock: string;
  hidePurchasedEver: string;
  hidePurchasedWithin: (days: string) => string;
  onlyCategories: (list: string) => string;
  notCategories: (list: string) => string;
  onlyBrands: (list: string) => string;
  notBrands: (list: string) => string;
  priceBetween: (min: string, max: string) => string;
  priceFrom: (min: string) => string;
  priceUpTo: (max: string) => string;
  boost: (rule: string, factor: string) => string;
  bury: (rule: string, factor: string) => string;
  pin: (product: string, position: string) => string;
  perCategory: (n: string) => string;
  perBrand: (n: string) => string;
  variety: (lambda: string) => string;
  maxAge: (days: string) => string;
  audience: (segment: string) => string;
}

const en: RulePhrases = {
  hideOutOfStock: 'Out-of-stock products are hidden.',
  showOutOfStock: 'Out-of-stock products are shown too.',
  hidePurchasedEver: 'Products the shopper already bought are hidden.',
  hidePurchasedWithin: (d) => `Products the shopper bought in the last ${d} days are hidden.`,
  onlyCategories: (l) => `Only products in ${l}.`,
  notCategories: (l) => `No products in ${l}.`,
  onlyBrands: (l) => `Only products by ${l}.`,
  notBrands: (l) => `No products by ${l}.`,
  priceBetween: (a, b) => `Price between ${a} and ${b}.`,
  priceFrom: (a) => `Price at least ${a}.`,
  priceUpTo: (b) => `Price at most ${b}.`,
  boost: (r, f) => `Boost ${r} ×${f}.`,
  bury: (r, f) => `Bury ${r} ×${f}.`,
  pin: (p, n) => `${p} is pinned to position ${n}.`,
  perCategory: (n) => `At most ${n} per category.`,
  perBrand: (n) => `At most ${n} per brand.`,
  variety: (l) => `Mix in variety (relevance weight ${l}).`,
  maxAge: (d) => `Only products published in the last ${d} days.`,
  audience: (s) => `Only for shoppers in the segment “${s}”.`,
};

const de: RulePhrases = {
  hideOutOfStock: 'Nicht vorrätige Produkte werden ausgeblendet.',
  showOutOfStock: 'Nicht vorrätige Produkte werden auch gezeigt.',
  hidePurchasedEver: 'Bereits gekaufte Produkte werden ausgeblendet.',
  hidePurchasedWithin: (d) => `In den letzten ${d} Tagen gekaufte Produkte werden ausgeblendet.`,
  onlyCategories: (l) => `Nur Produkte in ${l}.`,
  notCategories: (l) => `Keine Produkte in ${l}.`,
  onlyBrands: (l) => `Nur Produkte von ${l}.`,
  notBrands: (l) => `Keine Produkte von ${l}.`,
  priceBetween: (a, b) => `Preis zwischen ${a} und ${b}.`,
  priceFrom: (a) => `Preis mindestens ${a}.`,
  priceUpTo: (b) => `Preis höchstens ${b}.`,
  boost: (r, f) => `${r} hervorheben ×${f}.`,
  bury: (r, f) => `${r} zurückstufen ×${f}.`,
  pin: (p, n) => `${p} ist auf Position ${n} fixiert.`,
  perCategory: (n) => `Höchstens ${n} pro Kategorie.`,
  perBrand: (n) => `Höchstens ${n} pro Marke.`,
  variety: (l) => `Für Abwechslung sorgen (Relevanzgewicht ${l}).`,
  maxAge: (d) => `Nur Produkte, die in den letzten ${d} Tagen erschienen sind.`,
  audience: (s) => `Nur für Kundinnen und Kunden im Segment „${s}“.`,
};

const fr: RulePhrases = {
  hideOutOfStock: 'Les produits en rupture de stock sont masqués.',
  showOutOfStock: 'Les produits en rupture de stock sont aussi affichés.',
  hidePurchasedEver: 'Les produits déjà achetés sont masqués.',
  hidePurchasedWithin: (d) => `Les produits achetés ces ${d} derniers jours sont masqués.`,
  onlyCategories: (l) => `Uniquement les produits de ${l}.`,
  notCategories: (l) => `Aucun produit de ${l}.`,
  onlyBrands: (l) => `Uniquement les produits ${l}.`,
  notBrands: (l) => `Aucun produit ${l}.`,
  priceBetween: (a, b) => `Prix entre ${a} et ${b}.`,
  priceFrom: (a) => `Prix d’au moins ${a}.`,
  priceUpTo: (b) => `Prix d’au plus ${b}.`,
  boost: (r, f) => `Mettre en avant ${r} ×${f}.`,
  bury: (r, f) => `Rétrograder ${r} ×${f}.`,
  pin: (p, n) => `${p} est épinglé en position ${n}.`,
  perCategory: (n) => `Au plus ${n} par catégorie.`,
  perBrand: (n) => `Au plus ${n} par marque.`,
  variety: (l) => `Varier la sélection (poids de la pertinence ${l}).`,
  maxAge: (d) => `Uniquement les produits publiés ces ${d} derniers jours.`,
  audience: (s) => `Uniquement pour les clients du segment « ${s} ».`,
};

const es: RulePhrases = {
  hideOutOfStock: 'Los productos agotados se ocultan.',
  showOutOfStock: 'Los productos agotados también se muestran.',
  hidePurchasedEver: 'Los productos ya comprados se ocultan.',
  hidePurchasedWithin: (d) => `Los productos comprados en los últimos ${d} días se ocultan.`,
  onlyCategories: (l) => `Solo productos de ${l}.`,
  notCategories: (l) => `Ningún producto de ${l}.`,
  onlyBrands: (l) => `Solo productos de ${l}.`,
  notBrands: (l) => `Ningún producto de ${l}.`,
  priceBetween: (a, b) => `Precio entre ${a} y ${b}.`,
  priceFrom: (a) => `Precio de al menos ${a}.`,
  priceUpTo: (b) => `Precio de como máximo ${b}.`,
  boost: (r, f) => `Destacar ${r} ×${f}.`,
  bury: (r, f) => `Relegar ${r} ×${f}.`,
  pin: (p, n) => `${p} está fijado en la posición ${n}.`,
  perCategory: (n) => `Como máximo ${n} por categoría.`,
  perBrand: (n) => `Como máximo ${n} por marca.`,
  variety: (l) => `Dar variedad (peso de la relevancia ${l}).`,
  maxAge: (d) => `Solo productos publicados en los últimos ${d} días.`,
  audience: (s) => `Solo para clientes del segmento «${s}».`,
};

export const RULE_PHRASES: Record<PhraseLocale, RulePhrases> = { en, de, fr, es };
