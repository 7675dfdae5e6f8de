/**
 * What of a product goes into its embedding and its keyword-search document: per locale, the
 * title, category path, brand, a few key attributes and the description, as clean plain text.
 * The hash of that text decides whether a product is re-embedded, so everything here is
 * deterministic: same product text, same bytes, whatever the key order of its JSON.
 */
import { sha256 } from '@/lib/crypto';
import { foldText } from '@/lib/text/fold';
import type { ProductText, ProductTextSource } from './types';

/** Per-locale text cap (UTF-16 units): beyond it embedders truncate anyway, and hashing stays cheap. */
export const MAX_LOCALE_CHARS = 2_000;
/** Keyword-search document cap (UTF-16 units) across all locales. */
export const MAX_SEARCH_CHARS = 8_000;
const MAX_ATTRIBUTES = 8;
const MAX_ATTRIBUTE_VALUE = 60;
/** Raw field size read at most: a 10 MB description costs no more than this. */
const MAX_RAW_CHARS = 100_000;

/** One locale's cleaned title and description (either may be empty, not both). */
export interface LocaleFields {
  title: string;
  description: string;
}

// biome-ignore format: a lookup table reads better dense
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', euro: '€', pound: '£',
  yen: '¥', cent: '¢', copy: '©', reg: '®', trade: '™', deg: '°', times: '×', divide: '÷',
  middot: '·', bull: '•', shy: '', szlig: 'ß', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø',
  oelig: 'œ', OElig: 'Œ', eth: 'ð', thorn: 'þ', micro: 'µ', frac12: '½', frac14: '¼', frac34: '¾',
  sup2: '²', sup3: '³', plusmn: '±', iexcl: '¡', iquest: '¿', sect: '§', ordf: 'ª', ordm: 'º',
};
// &eacute; &Uuml; &ccedil; …: letter + combining mark, composed — covers the Latin-1 letters
// without a 100-entry table.
// biome-ignore format: a lookup table reads better dense
const MARKS: Record<string, string> = {
  acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', ring: '\u030a',
  cedil: '\u0327', caron: '\u030c',
};
const ENTITY_RE = /&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z][a-zA-Z\d]{1,31});/g;
const ACCENT_RE = /^([a-zA-Z])(acute|grave|circ|uml|tilde|ring|cedil|caron)$/;

function decodeEntity(match: string, body: string): string {
  if (body[0] === '#') {
    const cp =
      body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    const valid = cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    return valid ? String.fromCodePoint(cp) : '';
  }
  const named = NAMED[body];
  if (named !== undefined) return named;
  const accent = ACCENT_RE.exec(body);
  return accent ? `${accent[1]}${MARKS[accent[2]!]}`.normalize('NFC') : match;
}

// Inline elements join words ("Leinen<b>hemd</b>"); every other tag separates them.
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'code',
  'em',
  'font',
  'i',
  'mark',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
]);
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg']);
const TAG_START_RE = /<(\/?)([a-zA-Z][\w:-]*)|<!/y; // sticky: matched at `lastIndex` only

/**
 * Removes tags, comments and the contents of script/style. A linear scan rather than one big
 * regex: regexes over unclosed tags in hostile input backtrack quadratically. A `<` that starts no
 * tag ("a < b") stays text.
 */
function stripTags(html: string): string {
  let out = '';
  let i = 0;
  let noMoreGt = false;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    TAG_START_RE.lastIndex = lt;
    const head = TAG_START_RE.exec(html);
    const gt = noMoreGt || !head ? -1 : html.indexOf('>', lt);
    if (gt < 0) {
      if (head) noMoreGt = true; // no `>` after this point: every later `<` is text too
      out += '<';
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
    }
    const name = head?.[2]?.toLowerCase() ?? '';
    const selfClosing = html[gt - 1] === '/';
    if (name && !head?.[1] && !selfClosing && DROP_CONTENT.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = i;
      const m = close.exec(html);
      i = m ? m.index + m[0].length : html.length;
    }
    out += INLINE.has(name) ? '' : ' ';
  }
  return out + html.slice(i);
}

const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL_RE = /[\p{Cc}\ufeff]/gu;

/** Plain text of a field that may hold HTML: tags and scripts gone, entities decoded, one space between words. */
export function htmlToText(value: string): string {
  if (typeof value !== 'string' || value === '') return '';
  const raw = value.slice(0, MAX_RAW_CHARS);
  const text = raw.includes('<') ? stripTags(raw) : raw;
  return (text.includes('&') ? text.replace(ENTITY_RE, decodeEntity) : text)
    .replace(LONE_SURROGATE_RE, '')
    .replace(CONTROL_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `text` cut to at most `max` UTF-16 units, at a space when one is near, never inside a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max;
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.9) cut = space;
  else if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut -= 1;
  return text.slice(0, cut).trimEnd();
}

// Identifiers, links and media say nothing about what a product is.
const SKIP_KEY_RE =
  /(^|[_\-\s])(id|ids|sku|gtin\d*|ean|upc|isbn|mpn|asin|url|uri|href|link|image|img|src|slug|handle)$/i;
const SKIP_VALUE_RE = /^(https?:\/\/|www\.)|^[\da-f]{8}-[\da-f]{4}-|^\d{8,}$|^[\da-f]{16,}$/i;

function keyAttributes(attributes: ProductTextSource['attributes']): string {
  if (!attributes || typeof attributes !== 'object') return '';
  const out: string[] = [];
  // Sorted: JSONB stores keys in its own order, and the hash must not depend on it.
  for (const key of Object.keys(attributes).sort()) {
    if (out.length >= MAX_ATTRIBUTES) break;
    if (SKIP_KEY_RE.test(key)) continue;
    const raw = attributes[key];
    let value: string;
    if (typeof raw === 'string') value = htmlToText(raw);
    else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
    else continue;
    if (!value || value.length > MAX_ATTRIBUTE_VALUE || SKIP_VALUE_RE.test(value)) continue;
    const label = htmlToText(key).replace(/[_-]+/g, ' ').trim();
    if (label) out.push(`${label}: ${value}`);
  }
  return out.join(', ');
}

function localized(value: ProductTextSource['title'], locale: string): string {
  const v = value && typeof value === 'object' ? value[locale] : undefined;
  return typeof v === 'string' ? htmlToText(v) : '';
}

/** Cleaned title and description per locale, locales sorted, those with neither left out. */
export function productLocaleFields(p: ProductTextSource): Record<string, LocaleFields> {
  const keys = new Set([...Object.keys(p.title ?? {}), ...Object.keys(p.description ?? {})]);
  const out: Record<string, LocaleFields> = {};
  for (const locale of [...keys].sort()) {
    if (!locale.trim()) continue;
    const title = localized(p.title, locale);
    const description = localized(p.description, locale);
    if (title || description) out[locale] = { title, description };
  }
  return out;
}

const SENTENCE_END_RE = /[.!?。！？…:;]$/u;

function joinParts(parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    out += out === '' ? part : SENTENCE_END_RE.test(out) ? ` ${part}` : `. ${part}`;
  }
  return out;
}

/**
 * The text to embed per locale, its hash and the keyword-search document. Locale-independent parts
 * (category, brand, attributes) repeat in every locale so each locale's text stands alone. Products
 * with neither title nor description anywhere are skipped (`no_text`): a brand alone is no product.
 * Pass `fields` when the caller already has `productLocaleFields(p)`.
 */
export function buildProductText(
  p: ProductTextSource,
  fields: Record<string, LocaleFields> = productLocaleFields(p),
): ProductText {
  const locales = Object.keys(fields);
  if (locales.length === 0) {
    // No search text either: it would change with the brand while the hash stays put.
    return { byLocale: {}, hash: sha256('[]'), searchText: '', skipReason: 'no_text' };
  }
  const category = (p.categoryPath ?? []).map(htmlToText).filter(Boolean).join(' > ');
  const brand = typeof p.brand === 'string' ? htmlToText(p.brand) : '';
  const attributes = keyAttributes(p.attributes);
  const byLocale: Record<string, string> = {};
  for (const locale of locales) {
    const f = fields[locale]!;
    byLocale[locale] = clipText(
      joinParts([f.title, category, brand, attributes, f.description]),
      MAX_LOCALE_CHARS,
    );
  }
  const entries = locales.map((l) => [l, byLocale[l]!] as const);
  return {
    byLocale,
    hash: sha256(JSON.stringify(entries)),
    searchText: clipText(foldText(entries.map(([, t]) => t).join('\n')), MAX_SEARCH_CHARS),
    skipReason: null,
  };
}
