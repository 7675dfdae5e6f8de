/**
 * Shared helpers of the guardrails: walking a candidate's texts with merchant-readable labels
 * ("Headline 3"), folding text for comparisons and matching whole words in any script.
 */
import { CHANNELS } from '@/lib/ads/channels';
import type { AdChannel, Candidate, CheckResult, GuardrailId } from '@/lib/ads/types';
import { foldText } from '@/lib/text/fold';

/** One text of a candidate with where it sits: `field` "headlines[2]", `label` "Headline 3". */
export interface CopyText {
  key: string;
  index: number;
  field: string;
  label: string;
  text: string;
}

/** "Headline 3" for headlines[2]; "Subject" for a field that takes one text. */
export function textLabel(channel: AdChannel, key: string, index: number): string {
  const spec = CHANNELS[channel].fields.find((f) => f.key === key);
  if (!spec) return `${key} ${index + 1}`;
  return spec.max === 1 ? spec.label : `${spec.label} ${index + 1}`;
}

/**
 * Every string text of the candidate, in channel field order and then any unknown fields.
 * Non-string entries are skipped here (the `fields` check reports them).
 */
export function copyTexts(candidate: Candidate, channel: AdChannel): CopyText[] {
  const fields: Record<string, unknown> =
    candidate.fields && typeof candidate.fields === 'object' ? candidate.fields : {};
  const known = CHANNELS[channel].fields.map((f) => f.key);
  const keys = [...known, ...Object.keys(fields).filter((k) => !known.includes(k))];
  const out: CopyText[] = [];
  for (const key of keys) {
    const texts = fields[key];
    if (!Array.isArray(texts)) continue;
    texts.forEach((text: unknown, index) => {
      if (typeof text === 'string') {
        out.push({ key, index, field: `${key}[${index}]`, label: textLabel(channel, key, index), text });
      }
    });
  }
  return out;
}

/** The one "passed" result, or the failures. */
export function verdict(check: GuardrailId, failures: { reason: string; field?: string }[]): CheckResult[] {
  if (failures.length === 0) return [{ check, passed: true }];
  return failures.map((f) => ({
    check,
    passed: false,
    reason: f.reason,
    ...(f.field ? { field: f.field } : {}),
  }));
}

/** Accent-, case- and width-folded text with single spaces (all space-like characters). */
export function fold(text: string): string {
  return foldText(text)
    .replace(/[\s\u00a0\u202f\u2009\u3000]+/g, ' ')
    .trim();
}

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function hasCjk(text: string): boolean {
  return CJK_RE.test(text);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Compiled term matchers; the same few hundred terms (claims, banned words) are tested on every
// text, and building a Unicode RegExp costs more than running it. Bounded: terms come from settings.
const termCache = new Map<string, RegExp | string | null>();
const TERM_CACHE_MAX = 4096;

function compiledTerm(term: string): RegExp | string | null {
  let compiled = termCache.get(term);
  if (compiled === undefined) {
    const t = fold(term);
    compiled = !t
      ? null
      : hasCjk(t)
        ? t
        : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`, 'u');
    if (termCache.size >= TERM_CACHE_MAX) termCache.clear();
    termCache.set(term, compiled);
  }
  return compiled;
}

/** `containsTerm` for a text already passed through `fold` (fold once, test many terms). */
export function containsFoldedTerm(foldedText: string, term: string): boolean {
  const compiled = compiledTerm(term);
  if (compiled === null) return false;
  return typeof compiled === 'string' ? foldedText.includes(compiled) : compiled.test(foldedText);
}

/**
 * Whether `term` occurs in `text` as a whole word (letters or digits on neither side), compared
 * folded. Terms in CJK scripts, which do not separate words with spaces, match as substrings.
 */
export function containsTerm(text: string, term: string): boolean {
  return containsFoldedTerm(fold(text), term);
}

/**
 * A fixed list of terms matched in one pass: Latin-script terms as one whole-word alternation,
 * CJK terms as substrings. `find` takes folded text and returns the terms found, as given.
 */
export class TermSet {
  private readonly latin: RegExp | null;
  private readonly byFolded = new Map<string, string>();
  private readonly cjk: [string, string][] = [];

  constructor(terms: readonly string[]) {
    const latin: string[] = [];
    for (const term of terms) {
      const t = fold(term);
      if (!t || this.byFolded.has(t)) continue;
      this.byFolded.set(t, term);
      if (hasCjk(t)) this.cjk.push([t, term]);
      else latin.push(t);
    }
    latin.sort((a, b) => b.length - a.length); // longest first: "on sale" before "sale"
    this.latin = latin.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${latin.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu')
      : null;
  }

  find(foldedText: string): string[] {
    const out = new Set<string>();
    if (this.latin) {
      for (const m of foldedText.matchAll(this.latin)) {
        const term = this.byFolded.get(m[0]);
        if (term) out.add(term);
      }
    }
    for (const [t, term] of this.cjk) if (foldedText.includes(t)) out.add(term);
    return [...out];
  }
}

/** Quotes a text for a reason: 'free shipping'. Long texts are shortened with an ellipsis. */
export function quote(text: string, max = 40): string {
  const chars = [...text];
  return `'${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text}'`;
}
