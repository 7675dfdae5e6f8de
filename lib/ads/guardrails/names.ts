/**
 * Product names in the copy must be the catalog's titles, letter for letter. A quoted or
 * capitalised name that is almost a title ("Clasic Linen Shirt", "Shirt Linen Classic") is a
 * near-miss: a model misspelt or invented a product. Names that are not close to any title
 * (slogans, the brand, a category) are left alone, and so is a title with a plural ending
 * ("Classic Linen Shirts").
 */
import type { GuardrailContext } from '@/lib/ads/types';
import { fold } from './text';

/** Similarity (1 − edit distance / longer length) from which a name counts as a near-miss. */
export const NEAR_MISS_SIMILARITY = 0.8;

const QUOTED_RE = /["“”„«»‹›「」『』]([^"“”„«»‹›「」『』]{2,80})["“”„«»‹›「」『』]/gu;
const CAPITALISED_RE = /\p{Lu}[\p{L}\p{M}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}\p{N}'’-]*)+/gu;

function distance(a: string[], b: string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** 0..1, 1 = equal, by code points. */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - distance(x, y) / longer;
}

/** similarity ≥ NEAR_MISS_SIMILARITY, skipping the edit distance when the lengths already rule it out. */
function closeEnough(a: string, b: string): boolean {
  const longer = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > (1 - NEAR_MISS_SIMILARITY) * longer + 1) return false;
  return similarity(a, b) >= NEAR_MISS_SIMILARITY;
}

/** Same words in another order counts as a near-miss too ("Shirt Linen Classic"). */
function sameWords(a: string, b: string): boolean {
  return a.split(' ').sort().join(' ') === b.split(' ').sort().join(' ');
}

function isInflected(window: string, title: string): boolean {
  return window.startsWith(title) && window.length - title.length <= 2;
}

/** Names spoken for by the catalog or the settings, which never count as near-misses. */
function knownNames(ctx: GuardrailContext): Set<string> {
  const out = new Set<string>();
  for (const p of ctx.products) for (const n of [p.title, p.brand, p.category]) if (n) out.add(fold(n));
  if (ctx.brandName) out.add(fold(ctx.brandName));
  for (const t of ctx.requiredTerms) out.add(fold(t));
  return out;
}

/** What the near-miss search compares against, computed once per slot (see catalog-facts.ts). */
export interface NameIndex {
  titles: { title: string; folded: string; words: number }[];
  known: Set<string>;
}

export function nameIndex(ctx: GuardrailContext): NameIndex {
  const titles = [...new Set(ctx.products.map((p) => p.title))].map((t) => {
    const folded = fold(t);
    return { title: t, folded, words: folded.split(' ').length };
  });
  return { titles, known: knownNames(ctx) };
}

/** Quoted or capitalised names of `text` that almost, but not exactly, match a product title. */
export function findNearMisses(
  text: string,
  ctx: GuardrailContext,
  index: NameIndex = nameIndex(ctx),
): { name: string; title: string }[] {
  const { titles, known } = index;
  const spans = [...text.matchAll(QUOTED_RE)].map((m) => m[1] ?? '');
  spans.push(...[...text.matchAll(CAPITALISED_RE)].map((m) => m[0]));
  const out: { name: string; title: string }[] = [];
  for (const span of spans) {
    const folded = fold(span);
    if (!folded || known.has(folded)) continue;
    if (titles.some((t) => ` ${folded} `.includes(` ${t.folded} `))) continue; // the exact title is in it
    const words = folded.split(' ');
    let miss: { name: string; title: string } | null = null;
    for (const t of titles) {
      const k = t.words;
      for (let size = Math.max(1, k - 1); size <= k + 1 && !miss; size++) {
        for (let i = 0; i + size <= words.length; i++) {
          const window = words.slice(i, i + size).join(' ');
          if (window === t.folded || known.has(window) || isInflected(window, t.folded)) continue;
          if (sameWords(window, t.folded) || closeEnough(window, t.folded)) {
            const original = span
              .split(/\s+/)
              .slice(i, i + size)
              .join(' ');
            miss = { name: words.length === size ? span.trim() : original, title: t.title };
            break;
          }
        }
      }
      if (miss) break;
    }
    if (miss && !out.some((o) => o.name === miss.name)) out.push(miss);
  }
  return out;
}
