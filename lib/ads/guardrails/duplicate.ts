/**
 * `duplicate`: no text repeats another text of the same creative (Google rejects repeated
 * headlines, and a repeat wastes a slot), and no text was already used by another creative of
 * the campaign (`ctx.seen`, filled by the pipeline). Button labels ("Shop now") are short and
 * meant to repeat, so fields of 20 characters or less are only checked within the creative.
 */
import { CHANNELS } from '@/lib/ads/channels';
import type { AdChannel, Candidate, CheckResult, CreativeFields, GuardrailContext } from '@/lib/ads/types';
import { copyTexts, fold, verdict } from './text';

/** Fields at most this long may repeat across creatives (calls to action). */
const SHORT_FIELD_LIMIT = 20;

/**
 * The comparable form of a text for duplicates: folded case, accents and width, punctuation and
 * spacing ignored ("Linen, for summer!" = "linen for summer").
 */
export function normalizeCopy(text: string): string {
  return fold(text)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sharedAcrossCreatives(channel: AdChannel, key: string): boolean {
  const field = CHANNELS[channel].fields.find((f) => f.key === key);
  return !field || field.limit > SHORT_FIELD_LIMIT;
}

/**
 * The `ctx.seen` entries a creative adds once accepted (its non-empty, non-button texts); also
 * for filling `seen` from stored creatives before a run.
 */
export function seenKeys(fields: CreativeFields, channel: AdChannel): string[] {
  return copyTexts({ fields, productIds: [] }, channel)
    .filter((t) => sharedAcrossCreatives(channel, t.key))
    .map((t) => normalizeCopy(t.text))
    .filter(Boolean);
}

/** One failure per repeated or already-used text, or one passed result. Reads `ctx.seen`, never writes it. */
export function checkDuplicate(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const failures: { reason: string; field: string }[] = [];
  const within = new Map<string, string>();
  for (const t of copyTexts(candidate, ctx.channel)) {
    const key = normalizeCopy(t.text);
    if (!key) continue;
    const first = within.get(key);
    if (first) {
      failures.push({ reason: `${t.label} repeats ${first}`, field: t.field });
      continue;
    }
    within.set(key, t.label);
    if (sharedAcrossCreatives(ctx.channel, t.key) && ctx.seen.has(key)) {
      failures.push({
        // Quoted, so a generator can avoid the text on its retry (the template engine does).
        reason: `${t.label} "${t.text}" is already used by another creative of this campaign`,
        field: t.field,
      });
    }
  }
  return verdict('duplicate', failures);
}
