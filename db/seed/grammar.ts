import type { Adjective, DeGender, DemoLocale, Material, Noun, RomanceGender } from './vocab/types';

/**
 * Composes product titles and search queries with each language's word order and agreement:
 * en "Classic Linen Shirt", de "Klassisches Hemd aus Leinen", fr "Chemise classique en lin",
 * es "Camisa clásica de lino", ja "クラシックなリネンシャツ", zh "经典亚麻衬衫".
 */
export interface TitleParts {
  adjective?: Adjective;
  material?: Material;
  noun: Noun;
}

const DE_ENDINGS: Record<DeGender, string> = { m: 'er', f: 'e', n: 'es', p: 'e' };

/** German strong (article-less) nominative ending on the stem. */
export function germanAdjective(stem: string, gender: DeGender): string {
  return stem + DE_ENDINGS[gender];
}

function frenchPluralWord(word: string): string {
  if (/[sx]$/.test(word)) return word;
  if (/eau$/.test(word)) return `${word}x`;
  if (/al$/.test(word)) return `${word.slice(0, -2)}aux`;
  return `${word}s`;
}

function spanishPluralWord(word: string): string {
  if (/[aeiouáéó]$/.test(word)) return `${word}s`;
  if (/z$/.test(word)) return `${word.slice(0, -1)}ces`;
  return `${word}es`;
}

/** Pluralizes the first word of an adjective phrase ("résistant aux intempéries"). */
function pluralPhrase(phrase: string, plural: (w: string) => string): string {
  const [head, ...rest] = phrase.split(' ');
  return [plural(head ?? ''), ...rest].join(' ');
}

export function romanceAdjective(
  forms: readonly [string, string],
  gender: RomanceGender,
  locale: 'fr' | 'es',
): string {
  const plural = locale === 'fr' ? frenchPluralWord : spanishPluralWord;
  switch (gender) {
    case 'm':
      return forms[0];
    case 'f':
      return forms[1];
    case 'mp':
      return pluralPhrase(forms[0], plural);
    case 'fp':
      return pluralPhrase(forms[1], plural);
  }
}

export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join(' ');
}

/** A product title in `locale`. */
export function composeTitle(locale: DemoLocale, { adjective: a, material: m, noun: n }: TitleParts): string {
  switch (locale) {
    case 'en':
      return join(a?.en, m?.en, n.en);
    case 'de':
      return capitalize(join(a ? germanAdjective(a.de, n.de[1]) : undefined, n.de[0], m?.de));
    case 'fr':
      return capitalize(join(n.fr[0], a ? romanceAdjective(a.fr, n.fr[1], 'fr') : undefined, m?.fr));
    case 'es':
      return capitalize(join(n.es[0], a ? romanceAdjective(a.es, n.es[1], 'es') : undefined, m?.es));
    case 'ja':
      return (a?.ja ?? '') + (m?.ja ?? '') + n.ja;
    case 'zh':
      return (a?.zh ?? '') + (m?.zh ?? '') + n.zh;
  }
}

/** A search query as a shopper types it: the title words in lower case (Latin scripts). */
export function composeQuery(locale: DemoLocale, parts: TitleParts): string {
  const title = composeTitle(locale, parts);
  return locale === 'ja' || locale === 'zh' ? title : title.toLowerCase();
}

/** Swaps two neighbouring letters: the commonest typing slip. `at` in [0, 1). */
export function withTypo(query: string, at: number): string {
  if (query.length < 4) return query;
  const i = 1 + Math.floor(at * (query.length - 2));
  const a = query[i - 1]!;
  const b = query[i]!;
  if (a === ' ' || b === ' ') return query;
  return query.slice(0, i - 1) + b + a + query.slice(i + 1);
}
