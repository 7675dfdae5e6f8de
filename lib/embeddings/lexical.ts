import { foldText } from '@/lib/text/fold';
import type { Embedder } from './types';

/**
 * The always-available embedder: hashed words and character n-grams, no model, no I/O.
 * It stands in whenever a transformer model cannot be loaded and is cheap enough to run in
 * request handlers (queries) and over whole catalogs. It matches shared words and word pieces
 * across spellings and inflections ("shirt"/"shirts", "Leinenhemd"/"Leinen"), not meanings or
 * languages: "Hemd" does not find "shirt".
 */
export const LEXICAL_SPACE = 'lexical@1';
export const LEXICAL_DIMENSIONS = 512;

// Bag-of-features vectors barely change after the first pages of a text, while the cost grows
// with it: a pasted 1 MB "description" or query is cut here so a request stays fast.
const MAX_CHARS = 100_000;

// A word is worth more than each of its pieces: there are ~2 n-grams per letter, so pieces still
// carry much of the vector, which is what lets "linen" meet "leinen" or "shirts" partially.
const WORD_WEIGHT = 1;
const GRAM_WEIGHT = 0.4;
// In scripts written without spaces a character bigram is the closest thing to a word.
const CJK_BIGRAM_WEIGHT = 1;
const CJK_UNIGRAM_WEIGHT = 0.5;

// Seeds keep the feature kinds apart: the word "the" and the trigram "the" are different features.
const SEED_WORD = 0x9e3779b9;
const SEED_GRAM = 0x85ebca6b;
const SEED_CJK_1 = 0xc2b2ae35;
const SEED_CJK_2 = 0x27d4eb2f;

const BOUNDARY = 0x01; // word-boundary marker of n-grams; never a letter, so it cannot collide with text

// Han, kana and Hangul runs (plus the prolonged-sound and iteration marks, which are Script=Common);
// every other run of letters, digits and marks is a word. The `v` flag's set subtraction keeps a
// Latin word that touches kana ("tシャツ") from swallowing it. Built with RegExp() because the
// project's TypeScript target predates the `v` flag's literal syntax.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC\\u3005';
const TOKEN_RE = new RegExp(`(?<cjk>[${CJK}]+)|[[\\p{L}\\p{N}\\p{M}]--[${CJK}]]+`, 'gv');

/** FNV-1a over UTF-16 code units `codes[from, to)`, then murmur3's finalizer so the low bits mix well. */
function hashCodes(seed: number, codes: ArrayLike<number>, from: number, to: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= codes[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature hash → (count, weight); counts become sublinear tf at the end. */
type Counts = Map<number, { n: number; w: number }>;

function add(counts: Counts, h: number, w: number): void {
  const c = counts.get(h);
  if (c) c.n++;
  else counts.set(h, { n: 1, w });
}

// Reused scratch buffer for a word with its boundary markers (grown when a longer word comes).
let scratch = new Uint16Array(64);

function addWord(counts: Counts, word: string): void {
  const len = word.length;
  if (scratch.length < len + 2) scratch = new Uint16Array(len * 2 + 2);
  scratch[0] = BOUNDARY;
  for (let i = 0; i < len; i++) scratch[i + 1] = word.charCodeAt(i);
  scratch[len + 1] = BOUNDARY;
  add(counts, hashCodes(SEED_WORD, scratch, 1, len + 1), WORD_WEIGHT);
  const end = len + 2;
  for (let i = 0; i + 3 <= end; i++) {
    add(counts, hashCodes(SEED_GRAM, scratch, i, i + 3), GRAM_WEIGHT);
    if (i + 4 <= end) add(counts, hashCodes(SEED_GRAM, scratch, i, i + 4), GRAM_WEIGHT);
  }
}

function addCjkRun(counts: Counts, run: string): void {
  // By code point: rare Han characters live outside the BMP.
  const chars = Array.from(run, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < chars.length; i++) {
    add(counts, hashCodes(SEED_CJK_1, chars, i, i + 1), CJK_UNIGRAM_WEIGHT);
    if (i + 1 < chars.length) add(counts, hashCodes(SEED_CJK_2, chars, i, i + 2), CJK_BIGRAM_WEIGHT);
  }
}

function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const code = text.charCodeAt(MAX_CHARS - 1);
  // Do not keep half of a surrogate pair.
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_CHARS - 1 : MAX_CHARS);
}

/**
 * The lexical vector of one text: 512 floats, L2 norm 1, or all zeros when the text has no letters
 * or digits (empty, emoji only). Pure and synchronous, for hot paths; texts longer than 100,000
 * UTF-16 units are embedded from their first 100,000.
 */
export function embedLexical(text: string): Float32Array {
  const counts: Counts = new Map();
  for (const m of foldText(clip(text)).matchAll(TOKEN_RE)) {
    if (m.groups?.cjk) addCjkRun(counts, m[0]);
    else addWord(counts, m[0]);
  }
  const acc = new Float64Array(LEXICAL_DIMENSIONS);
  for (const [h, { n, w }] of counts) {
    // Low bits pick the bucket, the top bit the sign: colliding features cancel on average
    // instead of always piling up.
    const value = w * (1 + Math.log(n));
    acc[h & (LEXICAL_DIMENSIONS - 1)]! += h & 0x80000000 ? -value : value;
  }
  let norm = 0;
  for (const v of acc) norm += v * v;
  const out = new Float32Array(LEXICAL_DIMENSIONS);
  if (norm === 0) return out;
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < LEXICAL_DIMENSIONS; i++) out[i] = acc[i]! * scale;
  return out;
}

/** The lexical embedder (`lexical@1`, 512 dimensions). Ignores the text role: queries and documents share one vector. */
export function createLexicalEmbedder(): Embedder {
  return {
    space: LEXICAL_SPACE,
    label: 'Lexical (hashed n-grams)',
    kind: 'lexical',
    dimensions: LEXICAL_DIMENSIONS,
    maxBatch: 1024,
    async embed(texts) {
      return texts.map(embedLexical);
    },
  };
}
