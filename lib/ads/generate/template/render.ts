/**
 * Rendering of phrase-table messages with intl-messageformat, and the seeded ordering of
 * variants. Compiled messages are cached per locale: the tables are fixed, so the cache is
 * bounded by their size.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { seededRandom } from '@/lib/recommend/eval/metrics';
import type { AdLocale } from '@/lib/ads/types';
import type { Phrase, SlotKey } from './phrases/types';
import { type SlotValues, messageArgs } from './slots';
import { tidy } from './text';

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Formats one ICU message in `locale`. Throws when the message has a syntax error or names an
 * argument that `args` lacks (the phrase-table tests render every message to catch both).
 */
export function formatMessage(msg: string, locale: AdLocale, args: Record<string, string | number>): string {
  const key = `${locale}\u0000${msg}`;
  let format = compiled.get(key);
  if (!format) {
    format = new IntlMessageFormat(msg, locale);
    compiled.set(key, format);
  }
  const out = format.format(args);
  return tidy(Array.isArray(out) ? out.join('') : String(out));
}

/** True when every slot the phrase needs has a value and the objective matches. */
export function phraseApplies(phrase: Phrase, slots: SlotValues): boolean {
  if (phrase.for && !phrase.for.includes(slots.objective)) return false;
  return (phrase.needs ?? []).every((key: SlotKey) => slots.text[key] !== undefined);
}

/** One wording of a phrase: `v` selects among `Phrase.variants`. */
export interface Wording extends Phrase {
  v: number;
}

/** Every wording of each phrase, in table order (a phrase without `variants` has one). */
export function expandWordings(phrases: readonly Phrase[]): Wording[] {
  return phrases.flatMap((p) =>
    Array.from({ length: Math.max(1, p.variants ?? 1) }, (_, v) => ({ ...p, v })),
  );
}

/** The wording rendered with the slots, or null when its phrase does not apply. */
export function renderPhrase(phrase: Wording, locale: AdLocale, slots: SlotValues): string | null {
  if (!phraseApplies(phrase, slots)) return null;
  return formatMessage(phrase.msg, locale, { ...messageArgs(slots), v: String(phrase.v) });
}

/** A uniform source in [0, 1), seeded (mulberry32). */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  return seededRandom(seed);
}

/** FNV-1a of a string, to fold retry feedback into the seed. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Earlier variants in a table are the more idiomatic ones: each step down weighs this much less.
 * Kept mild: a steep decay makes every slot of a campaign open with the same lines, and the
 * duplicate guardrail refuses a text used twice in a campaign.
 */
const RANK_DECAY = 0.97;

/**
 * A seeded order of `phrases` without replacement, drawn from weights w^(1/temperature) (the
 * Gumbel-max trick): temperature 0 keeps the table order, higher temperatures spread the choice
 * over more variants. `temperature` is clamped to 0.05..1.5.
 */
export function orderPhrases<T extends Phrase>(phrases: readonly T[], rng: Rng, temperature: number): T[] {
  const t = Math.min(1.5, Math.max(0.05, temperature));
  const keyed = phrases.map((phrase, i) => {
    const weight = (phrase.weight ?? 1) * RANK_DECAY ** i;
    const gumbel = -Math.log(-Math.log(Math.min(1 - 1e-12, Math.max(1e-12, rng()))));
    return { phrase, key: Math.log(weight) / t + gumbel };
  });
  return keyed.sort((a, b) => b.key - a.key).map((k) => k.phrase);
}
