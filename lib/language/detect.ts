/**
 * Language identification with Google's CLD3 model (the `cld3-asm` WebAssembly build, shipped in
 * the npm package, so it works offline). One identifier per process: the model is ~1 MB of WASM
 * and takes a moment to compile, and Next's bundle and the custom server are two module graphs
 * in one process, so the instance lives on `globalThis`.
 */
import type { LanguageIdentifier } from 'cld3-asm';
import type { DetectedLanguage } from '@/db/schema/embeddings';

export type { DetectedLanguage };

interface DetectorEntry {
  loading: Promise<LanguageIdentifier>;
  /** Set once loaded, for the synchronous path. */
  ready?: LanguageIdentifier;
}

const g = globalThis as unknown as { __tailorLangId?: DetectorEntry };

/**
 * Fewer letters than this and CLD3 guesses wildly ("linen shirt" → Luxembourgish, "winter jacket"
 * → Frisian): we say "too short to tell" instead.
 */
export const MIN_LETTERS = 12;
/** Below this CLD3 probability a guess is not worth showing. */
export const MIN_PROBABILITY = 0.7;
/** CLD3 reads at most this many bytes; more text costs time and gains nothing. */
const MAX_BYTES = 2048;
const MAX_INPUT_CHARS = 20_000;

const UNKNOWN: DetectedLanguage = { language: null, probability: 0, reliable: false };

async function loadIdentifier(): Promise<LanguageIdentifier> {
  const { loadModule } = await import('cld3-asm');
  const factory = await loadModule();
  // minBytes 0: the letter count below decides what is too short, consistently for every script.
  return factory.create(0, MAX_BYTES);
}

/** Loads the model once per process (later calls return the same promise). Throws if the WASM fails to load. */
export async function ensureLanguageDetector(): Promise<void> {
  if (!g.__tailorLangId) {
    const loading = loadIdentifier();
    const entry: DetectorEntry = { loading };
    g.__tailorLangId = entry;
    loading.then(
      (id) => {
        entry.ready = id;
      },
      () => {
        // A failed load must not stick: the next call tries again.
        if (g.__tailorLangId === entry) g.__tailorLangId = undefined;
      },
    );
  }
  await g.__tailorLangId.loading;
}

// Markup, links, numbers and codes (SKUs, sizes like "XL2") say nothing about the language and
// make CLD3 guess; entities become spaces because only their letters would remain. Every pattern
// is anchored or bounded so a long run without spaces or `>` costs linear time, not quadratic.
const TAG_RE = /<\/?[a-z!][^<>]*>/gi;
const SCRIPT_RE = /<(script|style)\b[^<>]*>[\s\S]*?<\/\1\s*>/gi;
const ENTITY_RE = /&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z]{1,10}\d?);/gi;
/** Whole tokens holding a digit, an `@` (e-mail) or a URL marker. */
const CODE_TOKEN_RE = /(?<!\S)\S*?(?:\d|@|:\/\/|www\.)\S*/gi;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const CONTROL_RE = /[\p{Cc}\ufeff]/gu;

/** The text CLD3 sees: without markup, URLs, e-mail addresses, numbers and control characters. */
export function cleanForDetection(text: string): string {
  return text
    .slice(0, MAX_INPUT_CHARS)
    .replace(SCRIPT_RE, ' ')
    .replace(TAG_RE, ' ')
    .replace(ENTITY_RE, ' ')
    .replace(CODE_TOKEN_RE, ' ')
    .replace(LONE_SURROGATE_RE, '')
    .replace(CONTROL_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// One ideograph or syllable block carries about as much as two Latin letters.
const WIDE_LETTER_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER_RE = /\p{L}/gu;

/** Letters in `text`, with CJK characters counting double. */
export function letterWeight(text: string): number {
  const letters = text.match(LETTER_RE)?.length ?? 0;
  const wide = text.match(WIDE_LETTER_RE)?.length ?? 0;
  return letters + wide;
}

// CLD3 still uses a few withdrawn or script-tagged codes; everything else is already ISO 639-1
// (or 639-2/3 where 639-1 has none: `fil`, `haw`, `hmn`, `ceb`).
const CLD3_TO_ISO: Record<string, string> = {
  iw: 'he',
  'zh-Latn': 'zh',
  'ja-Latn': 'ja',
  'ru-Latn': 'ru',
  'bg-Latn': 'bg',
  'el-Latn': 'el',
  'hi-Latn': 'hi',
};

/** ISO 639-1 for a CLD3 code (`iw` → `he`, `zh-Latn` → `zh`); null for CLD3's `und`. */
export function normalizeLanguageCode(code: string): string | null {
  if (!code || code === 'und') return null;
  return CLD3_TO_ISO[code] ?? code;
}

function truncateUtf8(text: string, maxBytes: number): string {
  // CLD3 reads only the first maxBytes bytes; copying more into WASM memory is wasted work.
  // maxBytes/2 characters cover Latin scripts (1–2 bytes each); CLD3 itself stops wider scripts.
  const cut = Math.floor(maxBytes / 2);
  if (text.length <= cut) return text;
  const end = /[\ud800-\udbff]/.test(text[cut - 1] ?? '') ? cut - 1 : cut;
  return text.slice(0, end);
}

export interface DetectOptions {
  /**
   * Letters (CJK counting double) below which the answer is "too short to tell"; default
   * MIN_LETTERS. Raise it where a wrong guess costs more than no guess: CLD3 calls short noun
   * phrases ("Classic Linen Shirt", "Merino wool sweater") Luxembourgish or Shona with
   * probability above 0.95, while sentences are detected well.
   */
  minLetters?: number;
}

/**
 * The language of `text`, once `ensureLanguageDetector()` has resolved. Never throws on odd input
 * (empty, emoji, HTML, megabytes); throws only when the model is not loaded yet.
 * `probability` is CLD3's, 0–1; `language` is null when the text is too short or the guess too weak.
 */
export function detectLanguageSync(text: string, opts: DetectOptions = {}): DetectedLanguage {
  const id = g.__tailorLangId?.ready;
  if (!id) throw new Error('Language detector not loaded: await ensureLanguageDetector() first.');
  const clean = cleanForDetection(typeof text === 'string' ? text : '');
  if (letterWeight(clean) < (opts.minLetters ?? MIN_LETTERS)) return { ...UNKNOWN };
  const r = id.findLanguage(truncateUtf8(clean, MAX_BYTES));
  const language = normalizeLanguageCode(r.language);
  const probability = Math.round(r.probability * 1000) / 1000;
  if (!language || r.probability < MIN_PROBABILITY) return { language: null, probability, reliable: false };
  return { language, probability, reliable: r.is_reliable };
}

/** `detectLanguageSync`, loading the model first when needed. */
export async function detectLanguage(text: string, opts: DetectOptions = {}): Promise<DetectedLanguage> {
  await ensureLanguageDetector();
  return detectLanguageSync(text, opts);
}

// Languages CLD3 (and merchants) cannot tell apart reliably, or that have two codes: detecting
// one where the locale says the other is no mismatch worth flagging.
const SAME_LANGUAGE: Record<string, string> = { nb: 'no', nn: 'no', tl: 'fil', bs: 'hr', sr: 'hr', id: 'ms' };

/** The comparable base of a locale key or language code: `de-AT` → `de`, `nb` → `no`, `iw` → `he`. */
export function baseLanguage(localeOrCode: string): string {
  const base = localeOrCode.trim().split(/[-_]/)[0]!.toLowerCase();
  const iso = normalizeLanguageCode(base) ?? base;
  return SAME_LANGUAGE[iso] ?? iso;
}

/** Groups of `baseLanguage`, for SQL that has to compare the same way (see lib/catalog/coverage.ts). */
export const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { ...SAME_LANGUAGE, iw: 'he' };

/** True when `detected` reliably says the text of locale `localeKey` is in another language. */
export function isLanguageMismatch(localeKey: string, detected: DetectedLanguage): boolean {
  if (!detected.reliable || !detected.language) return false;
  return baseLanguage(localeKey) !== baseLanguage(detected.language);
}

const namesCache = new Map<string, Intl.DisplayNames | null>();

/**
 * The name of a language in `displayLocale` (`de` → "German", or "Deutsch" with `de`); the code
 * itself when Intl does not know it or the display locale is invalid.
 */
export function languageName(code: string, displayLocale = 'en'): string {
  let names = namesCache.get(displayLocale);
  if (names === undefined) {
    if (namesCache.size > 64) namesCache.clear(); // display locales may come from requests
    try {
      names = new Intl.DisplayNames([displayLocale], { type: 'language', fallback: 'code' });
    } catch {
      names = null;
    }
    namesCache.set(displayLocale, names);
  }
  if (!names) return code;
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
