/**
 * Parsers for the values found in merchant files: decimal prices (either decimal separator),
 * dates in the common spreadsheet shapes, ISO currencies and countries. Each returns the value
 * or a short reason that reads well after a column name ("UnitPrice: is not a number").
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Text of a cell: strings trimmed, numbers and booleans as written, empty → ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

// Postgres text cannot hold NUL, and jsonb refuses half a surrogate pair (possible from JSON escapes).
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must be refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be stored (NUL character, broken surrogate), or null when it can. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: a cheap first look for the rare suspects
const SUSPECT = /[\u0000\ud800-\udfff]/;
export function unstorable(s: string): string | null {
  return SUSPECT.test(s) && UNSTORABLE.test(s) ? 'contains a NUL character or a broken Unicode escape' : null;
}

/**
 * A copy of a string that shares no memory with the text it was cut from: V8 keeps a whole
 * read buffer alive for every kept slice of it (13+ characters), which adds up over a large file.
 * For strings kept for a whole import (map keys), not for every row.
 */
export function detach(s: string): string {
  return s.length >= 13 ? (JSON.parse(JSON.stringify(s)) as string) : s;
}

/** An identifier as text; spreadsheet floats such as `17850.0` lose the `.0`. */
export function normalizeId(v: unknown): string {
  const s = cellText(v);
  return /^\d+\.0+$/.test(s) ? s.slice(0, s.indexOf('.')) : s;
}

/**
 * A decimal number as integer minor units with `exponent` decimals (2 for cents), rounded half
 * away from zero. Accepts `12.5`, `12,50`, `1,234.56`, `1.234,56`, `-3`; a single separator is
 * the decimal one (`1,234` = 1.234). Numbers from JSON are taken as they are.
 */
export function parseMinor(v: unknown, exponent: number): Parsed<number> {
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad('is not a number');
    text = v.toFixed(Math.min(20, exponent + 4));
  } else {
    text = cellText(v).replace(/[\s\u00a0']/g, '');
  }
  if (text === '') return bad('is empty');
  const m = /^([+-]?)(\d{1,3}(?:([.,])\d{3})*|\d+)(?:([.,])(\d+))?$/.exec(text);
  if (!m) return bad('is not a number');
  const [, sign, whole = '', thousands, decimalSep, frac = ''] = m;
  if (thousands && decimalSep === thousands) return bad('is not a number');
  let intDigits = thousands ? whole.split(thousands).join('') : whole;
  let fracDigits = frac;
  // One separator and three digits ("1,234", "0.001") is a decimal separator, not thousands.
  if (thousands && !decimalSep && whole.split(thousands).length === 2) {
    [intDigits, fracDigits] = whole.split(thousands) as [string, string];
  }
  if (intDigits.length > 15) return bad('is too large');
  const padded = (fracDigits + '0'.repeat(exponent + 1)).slice(0, exponent + 1);
  let minor = Number(intDigits) * 10 ** exponent + Number(padded.slice(0, exponent) || '0');
  if (Number(padded[exponent]) >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return bad('is too large');
  return ok(sign === '-' && minor !== 0 ? -minor : minor);
}

/** A whole number (`3`, `3.0`); decimals and words are refused. */
export function parseInteger(v: unknown): Parsed<number> {
  const text = cellText(v);
  if (text === '') return bad('is empty');
  if (!/^[+-]?\d+(\.0+)?$/.test(text)) return bad('is not a whole number');
  const n = Number(text);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2_147_483_647) return bad('is too large');
  return ok(n);
}

const MIN_TIME = Date.UTC(1970, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Parsed<Date> {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(t);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return bad('is not a valid date');
  }
  if (t < MIN_TIME || t >= MAX_TIME) return bad('is outside 1970–2099');
  return ok(date);
}

const DATE_HINT = 'is not a date (use e.g. 2024-05-31, 2024-05-31T14:30:00Z or 5/31/2024 14:30)';

/**
 * A point in time. ISO 8601 (`2024-05-31`, `2024-05-31 14:30:00`, with `T`, fractions and a
 * zone), US `M/D/YYYY H:MM` (the UCI Online Retail shape), `D.M.YYYY`, or epoch seconds or
 * milliseconds. Times without a zone are UTC.
 */
let lastDateText = '';
let lastDate: Parsed<Date> = bad(DATE_HINT);

export function parseDate(v: unknown): Parsed<Date> {
  // Rows of one order usually share their time: remember the last one (Dates are never mutated).
  if (typeof v === 'string' && v === lastDateText) return lastDate;
  const r = parseDateValue(v);
  if (typeof v === 'string') {
    lastDateText = v;
    lastDate = r;
  }
  return r;
}

function parseDateValue(v: unknown): Parsed<Date> {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return bad(DATE_HINT);
    const date = new Date(v > 1e11 ? v : v * 1000);
    return date.getTime() >= MIN_TIME && date.getTime() < MAX_TIME ? ok(date) : bad('is outside 1970–2099');
  }
  const text = cellText(v);
  if (text === '') return bad('is empty');
  let m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  if (m) {
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const base = utc(
      +y!,
      +mo!,
      +d!,
      +(h ?? 0),
      +(mi ?? 0),
      +(s ?? 0),
      Number((frac ?? '0').padEnd(3, '0').slice(0, 3)),
    );
    if (!base.ok || !zone || zone.toUpperCase() === 'Z') return base;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    return ok(new Date(base.value.getTime() - offset));
  }
  m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const [, a, sep, b, y, h, mi, s] = m;
    // Slashes are month first (US, as in the UCI file); dots are day first (German style).
    const [mo, d] = sep === '/' ? [+a!, +b!] : [+b!, +a!];
    return utc(+y!, mo, d, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
  }
  if (/^\d{9,13}$/.test(text)) return parseDateValue(Number(text));
  return bad(DATE_HINT);
}

let currencies: Set<string> | undefined;
const exponents = new Map<string, number>();

/** An ISO 4217 code this runtime knows (`eur` → `EUR`). */
export function parseCurrency(v: unknown): Parsed<string> {
  const code = cellText(v).toUpperCase();
  if (code === '') return bad('is empty');
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code) ? ok(code) : bad(`"${code.slice(0, 12)}" is not a known currency code`);
}

/** Decimals of a currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function currencyExponent(code: string): number {
  let e = exponents.get(code);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits as number;
    exponents.set(code, e);
  }
  return e;
}

let countryNames: Map<string, string> | undefined;
/** Names used in merchant exports that differ from CLDR's English names. */
const COUNTRY_ALIASES: Record<string, string | null> = {
  eire: 'IE',
  rsa: 'ZA',
  usa: 'US',
  uk: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  czechrepublic: 'CZ',
  hongkong: 'HK',
  korea: 'KR',
  russia: 'RU',
  unitedstatesofamerica: 'US',
  channelislands: null,
  europeancommunity: null,
  unspecified: null,
};
const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

let countryCodes: Set<string> | undefined;
/** Codes CLDR names that are not ISO 3166-1 countries (reserved, grouping or pseudo codes). */
const NOT_COUNTRIES = new Set([
  'UK',
  'FX',
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ',
  'XA',
  'XB',
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'IC',
  'TA',
]);

function countryIndex(): Map<string, string> {
  if (countryNames) return countryNames;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  countryNames = new Map();
  countryCodes = new Set();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = names.of(code);
      if (!name || NOT_COUNTRIES.has(code)) continue;
      countryCodes.add(code);
      const key = squash(name);
      if (!countryNames.has(key)) countryNames.set(key, code);
    }
  }
  return countryNames;
}

/**
 * A country as ISO 3166-1 alpha-2: a code (`de`) or an English name (`Germany`, `EIRE`).
 * Returns null for names that mean "no country" (`Unspecified`, `European Community`).
 */
const countryCache = new Map<string, Parsed<string | null>>();

export function parseCountry(v: unknown): Parsed<string | null> {
  const text = cellText(v);
  const cached = countryCache.get(text);
  if (cached) return cached;
  const r = countryOf(text);
  if (countryCache.size < 1000) countryCache.set(text, r);
  return r;
}

function countryOf(text: string): Parsed<string | null> {
  if (text === '') return bad('is empty');
  const index = countryIndex();
  if (/^[A-Za-z]{2}$/.test(text) && countryCodes?.has(text.toUpperCase())) return ok(text.toUpperCase());
  const key = squash(text);
  if (key in COUNTRY_ALIASES) return ok(COUNTRY_ALIASES[key] ?? null);
  const code = index.get(key);
  return code ? ok(code) : bad(`"${text.slice(0, 40)}" is not a known country (use a code such as DE)`);
}

/** A list from a JSON array or a delimited string (`a > b`, `a/b`, `a|b`, `a, b` for URLs). */
export function parseList(v: unknown, separators: RegExp): string[] {
  if (Array.isArray(v)) return v.map(cellText).filter(Boolean);
  return cellText(v)
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}
