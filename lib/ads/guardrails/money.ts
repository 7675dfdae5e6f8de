/**
 * Finding money amounts and percentages in ad copy, and the exact forms the catalog's prices take
 * in a locale. A price in the copy must be written the way Intl.NumberFormat writes the catalog
 * price in that locale ("19,99 €" in German, "$19.99" in English, "￥1,980" in Japanese), with or
 * without the currency sign; the copy is compared after NFKC, so full-width digits, "￥" and the
 * no-break spaces French puts in numbers compare equal to their plain forms.
 */
export type NumberKind = 'money' | 'price-like' | 'percent';

/** One number in the copy that states a price or a percentage. */
export interface FoundNumber {
  kind: NumberKind;
  /** What the copy says, e.g. "24,99 €" or "-20 %". */
  raw: string;
  /** The digits with their separators, spaces folded: "1 234,56". */
  number: string;
  /** The currency sign or code next to it ("€", "US$", "円"), null when none. */
  marker: string | null;
}

/** Signs and codes that mark a number as money, with the currencies they can stand for. */
const MARKERS: Record<string, string[]> = {
  '€': ['EUR'],
  $: ['USD', 'CAD', 'AUD', 'NZD', 'MXN', 'SGD', 'HKD'],
  US$: ['USD'],
  CA$: ['CAD'],
  A$: ['AUD'],
  HK$: ['HKD'],
  NT$: ['TWD'],
  R$: ['BRL'],
  '£': ['GBP'],
  '¥': ['JPY', 'CNY'],
  円: ['JPY'],
  元: ['CNY'],
  '₩': ['KRW'],
  원: ['KRW'],
  '₹': ['INR'],
  chf: ['CHF'],
  'fr.': ['CHF'],
  kr: ['SEK', 'NOK', 'DKK'],
  zł: ['PLN'],
  rmb: ['CNY'],
};
const CODES = [
  'EUR',
  'USD',
  'GBP',
  'JPY',
  'CNY',
  'KRW',
  'BRL',
  'CAD',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CHF',
];
for (const code of CODES) MARKERS[code.toLowerCase()] = [code];

const PERCENT_WORDS = [
  '%',
  'percent',
  'per cent',
  'prozent',
  'pour cent',
  'por ciento',
  'per cento',
  'procent',
  'por cento',
  'パーセント',
  '퍼센트',
];

/** NFKC (full-width digits and signs, no-break spaces) with every space-like character as ' '. */
export function normalizeNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u202f\u2009]/g, ' ')
    .replace(/’/g, "'");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A number with thousands groups ("1.234,56", "1 980", "1'234.50") or a plain one with an
// optional fraction ("19,99", "20"); not glued to Latin letters ("XL2", "50ml", "SKU4711").
const NUMBER_RE =
  /(?<![\p{Script=Latin}\d.,])(?:\d{1,3}(?:[ .,']\d{3})+(?:[.,]\d{1,3})?|\d+(?:[.,]\d{1,3})?)(?![\d\p{Script=Latin}])/gu;

const markerCache = new Map<string, { before: RegExp; after: RegExp }>();

function markerPattern(extra: string[]): { before: RegExp; after: RegExp } {
  const cacheKey = extra.join('\u0000');
  const cached = markerCache.get(cacheKey);
  if (cached) return cached;
  const all = [...new Set([...Object.keys(MARKERS), ...extra.map((m) => m.toLowerCase())])]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = {
    before: new RegExp(`(?<![\\p{Script=Latin}])(${all}) ?$`, 'iu'),
    after: new RegExp(`^ ?(${all})(?![\\p{Script=Latin}])`, 'iu'),
  };
  if (markerCache.size > 256) markerCache.clear(); // one entry per catalog currency mix
  markerCache.set(cacheKey, pattern);
  return pattern;
}

const UNIT_AFTER =
  /^ ?(?:kg|g|mg|cm|mm|m|km|ml|cl|l|oz|lb|lbs|in|inch|ft|"|″|h|min|x|×|キロ|グラム|センチ|ミリ|克|厘米|公斤|킬로|그램|센티)(?![\p{Script=Latin}])/iu;
const PERCENT_AFTER = new RegExp(`^ ?(${PERCENT_WORDS.map(escapeRegExp).join('|')})`, 'iu');

/**
 * Prices and percentages stated in `text`. `extraMarkers` adds currency signs Intl uses for the
 * catalog's currencies. Plain integers without a sign ("3 colours", "since 1998") are not prices.
 */
export function findNumbers(text: string, extraMarkers: string[] = []): FoundNumber[] {
  const s = normalizeNumberText(text);
  const { before, after } = markerPattern(extraMarkers);
  const out: FoundNumber[] = [];
  for (const m of s.matchAll(NUMBER_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const head = s.slice(0, start);
    const tail = s.slice(end);
    const number = m[0];
    const minus = /[-−] ?$/.test(head) ? '-' : '';
    const pct = PERCENT_AFTER.exec(tail);
    if (pct) {
      out.push({
        kind: 'percent',
        raw: `${minus}${number}${tail.slice(0, pct[0].length)}`,
        number,
        marker: null,
      });
      continue;
    }
    const pre = before.exec(head);
    const post = after.exec(tail);
    if (pre || post) {
      const raw = `${pre ? head.slice(head.length - pre[0].length) : ''}${number}${post ? post[0] : ''}`;
      out.push({ kind: 'money', raw: raw.trim(), number, marker: (pre?.[1] ?? post?.[1]) || null });
      continue;
    }
    // A measurement ("1,5 kg", "2.5 cm") is no price; its unit says what it is.
    if (UNIT_AFTER.test(tail)) continue;
    if (/[.,]\d{1,2}$/.test(number) || /\d[ .,']\d{3}/.test(number)) {
      out.push({ kind: 'price-like', raw: number, number, marker: null });
    }
  }
  return out;
}

/** The currencies a marker can stand for, given the catalog's own signs. */
export function markerCurrencies(marker: string, catalogSigns: Map<string, Set<string>>): Set<string> {
  const key = marker.toLowerCase();
  const out = new Set(MARKERS[key] ?? []);
  for (const [currency, signs] of catalogSigns) if (signs.has(key)) out.add(currency);
  return out;
}

/**
 * The values a written number can mean: "19,99" → [19.99]; "1.234,56" → [1234.56]; "1,980" is
 * ambiguous (1980 with a group, or 1.98) → both.
 */
export function numberValues(number: string): number[] {
  const n = number.replace(/[ ']/g, '');
  const lastDot = n.lastIndexOf('.');
  const lastComma = n.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = Math.max(lastDot, lastComma);
    return [Number(`${n.slice(0, dec).replace(/[.,]/g, '')}.${n.slice(dec + 1)}`)];
  }
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!sep) return [Number(n)];
  const pieces = n.split(sep);
  const grouped = Number(pieces.join(''));
  if (pieces.length > 2) return [grouped];
  const decimal = Number(`${pieces[0]}.${pieces[1]}`);
  return pieces[1]?.length === 3 ? [grouped, decimal] : [decimal];
}
