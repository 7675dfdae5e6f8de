/**
 * The values a phrase can print, derived from one request and its focus product. Every number
 * is the catalog's own, formatted by Intl in the request's locale: prices from minor units with
 * the currency's own fraction digits (JPY has none), the discount as a locale percent.
 */
import type { AdLocale, CampaignObjective, GenerationRequest, ProductFact } from '@/lib/ads/types';
import type { SlotKey } from './phrases/types';

/** RFM segments grouped by how re-engagement copy should address them. */
const RFM_GROUP: Record<string, 'lapsed' | 'loyal'> = {
  at_risk: 'lapsed',
  cannot_lose: 'lapsed',
  hibernating: 'lapsed',
  lost: 'lapsed',
  about_to_sleep: 'lapsed',
  need_attention: 'lapsed',
  champions: 'loyal',
  loyal: 'loyal',
  potential_loyalists: 'loyal',
};

/** Languages that lower-case common nouns inside a sentence (German capitalises every noun). */
const LOWER_MID_SENTENCE = new Set<AdLocale>(['en', 'fr', 'es', 'it', 'nl', 'pt']);

export interface SlotValues {
  /** Printable slots (absent = no value, phrases needing it are skipped). */
  text: Partial<Record<SlotKey, string>>;
  /** `{Category}` / `{Interest}`: the catalog spelling, for the start of a sentence. */
  capitalized: { Category?: string; Interest?: string };
  objective: CampaignObjective;
  band: 'premium' | 'budget' | 'mid' | 'none';
  rfm: 'lapsed' | 'loyal' | 'other';
  /** Products the creative is about (only selects singular/plural wording; never printed). */
  count: number;
}

/**
 * "Running Shoes" → "running shoes" where the language lower-cases nouns mid-sentence; words
 * that are not plain capitalised words ("USB", "iPhone", "T-Shirts") keep their spelling.
 */
export function midSentence(name: string, locale: AdLocale): string {
  if (!LOWER_MID_SENTENCE.has(locale)) return name;
  return name
    .split(' ')
    .map((word) => (/^\p{Lu}[\p{Ll}]+$/u.test(word) ? word.toLocaleLowerCase(locale) : word))
    .join(' ');
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Minor units as money in `locale`, exactly as lib/format.ts `formatMoney` writes it (the
 * currency's own fraction digits: JPY none), with the formatter cached: building an
 * Intl.NumberFormat costs more than the rest of a creative. Throws RangeError for an unknown currency.
 */
export function formatPrice(minor: number, currency: string, locale: AdLocale): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    if (moneyFormats.size > 256) moneyFormats.clear(); // currencies come from catalogs
    moneyFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

/** A whole percent in the locale's style: "20%" (en), "20 %" (de, fr: with a no-break space). */
export function formatPercent(percent: number, locale: AdLocale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Slot values for a creative about `focus` (undefined when the request has no products: only
 * store, segment and objective wording remains). Throws RangeError for an unknown currency code.
 */
export function buildSlots(request: GenerationRequest, focus: ProductFact | undefined): SlotValues {
  const { locale } = request;
  const category = nonEmpty(focus?.category) ?? nonEmpty(request.segment.topCategories[0]?.name);
  const interest = nonEmpty(request.segment.topCategories[0]?.name);
  const discounted = focus && focus.discountPercent != null && focus.discountPercent > 0;
  const text: SlotValues['text'] = {
    title: nonEmpty(focus?.title),
    brand: nonEmpty(focus?.brand),
    store: nonEmpty(request.brandName),
    category: category ? midSentence(category, locale) : undefined,
    interest: interest ? midSentence(interest, locale) : undefined,
    price: focus ? formatPrice(focus.priceMinor, focus.currency, locale) : undefined,
  };
  if (discounted) {
    text.discount = formatPercent(focus.discountPercent!, locale);
    if (focus.compareAtMinor != null && focus.compareAtMinor > focus.priceMinor) {
      text.compareAt = formatPrice(focus.compareAtMinor, focus.currency, locale);
    }
  }
  const band = request.segment.priceBand ?? 'none';
  return {
    text,
    capitalized: { Category: category, Interest: interest },
    objective: request.objective,
    band,
    rfm: RFM_GROUP[request.segment.rfmSegment ?? ''] ?? 'other',
    count: Math.max(1, request.products.length),
  };
}

/** The arguments intl-messageformat receives (only defined values). */
export function messageArgs(slots: SlotValues): Record<string, string | number> {
  const args: Record<string, string | number> = {
    objective: slots.objective,
    band: slots.band,
    rfm: slots.rfm,
    count: slots.count,
  };
  for (const [key, value] of Object.entries({ ...slots.text, ...slots.capitalized })) {
    if (value !== undefined) args[key] = value;
  }
  return args;
}
