import { currencyDigits, formatMajor } from '@/lib/placements/form';
import type { Placement } from '@/lib/placements/service';
import { DEFAULT_RULES } from '@/lib/recommend/rules/schema';
import type { ScenarioId } from '@/lib/recommend/scenarios';

/** A boost or pin row as the form edits it: every value is text until the server parses it. */
export interface BoostRow {
  attribute: string;
  equals: string;
  factor: string;
}
export interface PinRow {
  productId: string;
  position: string;
}

/** The placement form's starting values (a new placement, or the saved one). */
export interface PlacementFormValues {
  id?: string;
  key: string;
  name: string;
  scenario: ScenarioId;
  count: string;
  layout: string;
  titles: Record<string, string>;
  excludeOutOfStock: boolean;
  excludePurchased: boolean;
  repurchaseWindowDays: string;
  includeCategories: string;
  excludeCategories: string;
  includeBrands: string;
  excludeBrands: string;
  priceMin: string;
  priceMax: string;
  boosts: BoostRow[];
  pins: PinRow[];
  maxPerCategory: string;
  maxPerBrand: string;
  mmrLambda: string;
  maxProductAgeDays: string;
  newOnly: boolean;
  /** '' = everyone. */
  audienceSegmentId: string;
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

/** Saved placement (or none) → form values; prices shown in the workspace currency's major units. */
export function placementFormValues(p: Placement | null, currency: string): PlacementFormValues {
  const r = p?.rules ?? DEFAULT_RULES;
  const digits = currencyDigits(currency);
  return {
    ...(p ? { id: p.id } : {}),
    key: p?.key ?? '',
    name: p?.name ?? '',
    scenario: p?.scenario ?? 'for_you',
    count: String(p?.count ?? 8),
    layout: p?.layout ?? 'grid',
    titles: p?.titles ?? {},
    excludeOutOfStock: r.excludeOutOfStock,
    excludePurchased: r.excludePurchased.enabled,
    repurchaseWindowDays: text(r.excludePurchased.repurchaseWindowDays),
    includeCategories: r.includeCategories.map((c) => c.join(' / ')).join('\n'),
    excludeCategories: r.excludeCategories.map((c) => c.join(' / ')).join('\n'),
    includeBrands: r.includeBrands.join('\n'),
    excludeBrands: r.excludeBrands.join('\n'),
    priceMin: formatMajor(r.priceRange.minMinor, digits),
    priceMax: formatMajor(r.priceRange.maxMinor, digits),
    boosts: r.boosts.map((b) => ({
      attribute: b.attribute,
      equals: String(b.equals),
      factor: String(b.factor),
    })),
    pins: r.pins.map((pin) => ({ productId: pin.productId, position: String(pin.position) })),
    maxPerCategory: text(r.diversity.maxPerCategory),
    maxPerBrand: text(r.diversity.maxPerBrand),
    mmrLambda: text(r.diversity.mmrLambda),
    maxProductAgeDays: text(r.maxProductAgeDays),
    newOnly: r.newOnly,
    audienceSegmentId: r.audienceSegmentId ?? '',
  };
}

/** Language name for a locale code in the UI language ("de" → "German"), or the code itself. */
export function localeLabel(locale: string, uiLocale = 'en'): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
