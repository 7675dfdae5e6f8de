/**
 * The languages the explanation and rule texts are written in. Other workspace locales (it, nl,
 * ja …) fall back to English rather than failing: a merchant still sees a sentence, just not in
 * their language, and adding one is a phrase table away.
 */
export const PHRASE_LOCALES = ['en', 'de', 'fr', 'es'] as const;
export type PhraseLocale = (typeof PHRASE_LOCALES)[number];

/** 'de-AT' → 'de'; anything without a phrase table → 'en'. */
export function phraseLocale(locale: string): PhraseLocale {
  const lang = locale.slice(0, 2).toLowerCase();
  return (PHRASE_LOCALES as readonly string[]).includes(lang) ? (lang as PhraseLocale) : 'en';
}

// Intl constructors are costly (tens of µs) and the storefront line is rendered per item, so the
// formatters are built once per (locale, kind) and reused.
const numberFormats = new Map<string, Intl.NumberFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A number with at most `digits` fraction digits, in the locale's style ("0,82" in German). */
export function formatDecimal(n: number, locale: string, digits = 2): string {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** 'DE' → 'Germany' / 'Deutschland'; a value that is not a region code is returned as given. */
export function regionName(value: string, locale: string): string {
  if (!/^[A-Za-z]{2}$/.test(value)) return value;
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([safeLocale(locale)], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  return names.of(value.toUpperCase()) ?? value;
}

/** 'one' | 'other' … for choosing "1 time" versus "3 times". */
export function pluralCategory(n: number, locale: string): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(safeLocale(locale));
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/** Intl throws a RangeError on malformed tags; a bad locale must never break a recommendation. */
function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
