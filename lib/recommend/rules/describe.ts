import { formatMoney } from '@/lib/format';
import { formatDecimal, phraseLocale } from '../explain/locale';
import { RULE_PHRASES } from './describe-phrases';
import { NEW_PRODUCT_DAYS, type PlacementRules } from './schema';

export interface DescribeOptions {
  /** ISO currency of the workspace; without it prices show as plain numbers of major units. */
  currency?: string;
  /** Product title for a pinned product id (defaults to the id). */
  productName?: (productId: string) => string;
  /** Segment name for the audience's segment id (defaults to "a deleted segment"). */
  segmentName?: (segmentId: string) => string | undefined;
}

/**
 * The placement's rules as short sentences in `locale` (en, de, fr, es; others in English), one
 * per active rule, in the order they act: filters, boosts, pins, diversity.
 */
export function describeRules(rules: PlacementRules, locale: string, opts: DescribeOptions = {}): string[] {
  const p = RULE_PHRASES[phraseLocale(locale)];
  const num = (n: number, digits = 2) => formatDecimal(n, locale, digits);
  const or = (items: string[]) => listFormat(locale).format(items);
  const money = (minor: number) =>
    opts.currency ? formatMoney(minor, opts.currency, locale) : formatDecimal(minor / 100, locale, 2);
  const out: string[] = [];

  if (rules.audienceSegmentId)
    out.push(p.audience(opts.segmentName?.(rules.audienceSegmentId) ?? 'a deleted segment'));
  out.push(rules.excludeOutOfStock ? p.hideOutOfStock : p.showOutOfStock);
  const ex = rules.excludePurchased;
  if (ex.enabled)
    out.push(
      ex.repurchaseWindowDays === undefined
        ? p.hidePurchasedEver
        : p.hidePurchasedWithin(num(ex.repurchaseWindowDays)),
    );
  const path = (levels: string[]) => levels.join(' / ');
  if (rules.includeCategories.length > 0) out.push(p.onlyCategories(or(rules.includeCategories.map(path))));
  if (rules.excludeCategories.length > 0) out.push(p.notCategories(or(rules.excludeCategories.map(path))));
  if (rules.includeBrands.length > 0) out.push(p.onlyBrands(or(rules.includeBrands)));
  if (rules.excludeBrands.length > 0) out.push(p.notBrands(or(rules.excludeBrands)));
  const { minMinor, maxMinor } = rules.priceRange;
  if (minMinor !== undefined && maxMinor !== undefined)
    out.push(p.priceBetween(money(minMinor), money(maxMinor)));
  else if (minMinor !== undefined) out.push(p.priceFrom(money(minMinor)));
  else if (maxMinor !== undefined) out.push(p.priceUpTo(money(maxMinor)));
  const age = rules.maxProductAgeDays ?? (rules.newOnly ? NEW_PRODUCT_DAYS : undefined);
  if (age !== undefined) out.push(p.maxAge(num(age)));

  for (const b of rules.boosts) {
    const label = `${b.attribute} = ${String(b.equals)}`;
    out.push(b.factor > 1 ? p.boost(label, num(b.factor)) : p.bury(label, num(b.factor)));
  }
  for (const pin of [...rules.pins].sort((a, b) => a.position - b.position))
    out.push(p.pin(opts.productName?.(pin.productId) ?? pin.productId, num(pin.position)));

  const d = rules.diversity;
  if (d.maxPerCategory !== undefined) out.push(p.perCategory(num(d.maxPerCategory)));
  if (d.maxPerBrand !== undefined) out.push(p.perBrand(num(d.maxPerBrand)));
  if (d.mmrLambda !== undefined && d.mmrLambda < 1) out.push(p.variety(num(d.mmrLambda)));
  return out;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B or C" / "A, B oder C": Intl knows each language's list punctuation. */
function listFormat(locale: string): Intl.ListFormat {
  let f = listFormats.get(locale);
  if (!f) {
    try {
      f = new Intl.ListFormat(locale, { type: 'disjunction' });
    } catch {
      f = new Intl.ListFormat('en', { type: 'disjunction' });
    }
    listFormats.set(locale, f);
  }
  return f;
}
