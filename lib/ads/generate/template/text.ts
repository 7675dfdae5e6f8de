/**
 * Text helpers of the template engine: whole-word matching the way the banned-words and
 * required-terms guardrails match (case- and accent-insensitive), a normalized key for
 * duplicates, and cutting a text to a limit without breaking a catalog fact.
 */
import { textLength } from '@/lib/ads/channels';
import type { ChannelSpec } from '@/lib/ads/channels';
import { foldText } from '@/lib/text/fold';

type Counting = ChannelSpec['counting'];

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Letters and digits that are not CJK (a character class body). */
const NON_CJK_LETTER = '\\p{N}\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when `text` contains `word` as a whole word, ignoring case and accents ("Café" matches
 * "cafe"). Words with CJK characters match as substrings (those scripts have no spaces). With
 * `cjkBoundary`, a CJK character next to a Latin word also ends it ("Nordlysの" holds "Nordlys"):
 * used for banned words, where missing a match is the costly error; required terms keep the
 * guardrail's stricter reading (letters of any script join a word), so a term the engine counts
 * as present is one the required-terms guardrail finds too.
 */
export function containsWord(text: string, word: string, opts: { cjkBoundary?: boolean } = {}): boolean {
  const needle = foldText(word.trim());
  if (!needle) return false;
  const hay = foldText(text);
  if (CJK_RE.test(needle)) return hay.includes(needle);
  const letter = opts.cjkBoundary ? NON_CJK_LETTER : '\\p{L}\\p{N}';
  return new RegExp(`(?<![${letter}])${escapeRegExp(needle)}(?![${letter}])`, 'u').test(hay);
}

/** Key under which two texts count as the same copy: folded, letters and digits only. */
export function textKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Collapses runs of ordinary spaces (never no-break spaces inside prices) and stray space before , . */
export function tidy(text: string): string {
  return text
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.])/g, '$1')
    .trim();
}

// Where a text may end when it has to be shortened: after a sentence or clause, else at a space.
const SENTENCE_END = /[.!?](?=\s|$)|[。！？]/gu;
const CLAUSE_END = /[,;:、，：；]|\s[–—-]\s|｜/gu;

function cutPoints(text: string, pattern: RegExp, includeMatch: boolean): number[] {
  const points: number[] = [];
  for (const m of text.matchAll(pattern)) points.push(includeMatch ? m.index + m[0].length : m.index);
  return points;
}

/**
 * `text` if it fits `limit` (in the channel's counting), else the longest prefix that ends at a
 * sentence end, then a clause boundary, then a space (Latin scripts), keeps every string of
 * `keep` (product titles, prices, discounts, brand) whole, and is at least 40 % of the limit
 * long so the cut still says something. Null when no such prefix exists; never cuts inside a number.
 */
export function fitText(
  text: string,
  limit: number,
  counting: Counting,
  keep: readonly string[],
): string | null {
  if (textLength(text, counting) <= limit) return text;
  let mustReach = 0;
  for (const fact of keep) {
    const at = fact ? text.indexOf(fact) : -1;
    if (at >= 0) mustReach = Math.max(mustReach, at + fact.length);
  }
  const minLength = Math.ceil(limit * 0.4);
  const tiers = [
    cutPoints(text, SENTENCE_END, true),
    cutPoints(text, CLAUSE_END, false),
    cutPoints(text, / /g, false),
  ];
  for (const points of tiers) {
    for (const point of points.sort((a, b) => b - a)) {
      if (point < mustReach) break;
      const cut = text
        .slice(0, point)
        .replace(/[\s,;:–—-]+$/u, '')
        .trim();
      if (/\d$/.test(cut) && /^\d/.test(text.slice(point).trim())) continue;
      const length = textLength(cut, counting);
      if (length <= limit && length >= minLength && cut.length >= mustReach) return cut;
    }
  }
  return null;
}
