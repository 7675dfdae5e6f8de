/**
 * `banned_words`: none of the store's banned words, as whole words, ignoring case, accents and
 * character width ("Cheap", "CHEAP", "chéap" all match "cheap"; "cheapest" does not).
 */
import type { Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { containsFoldedTerm, copyTexts, fold, quote, verdict } from './text';

/** One failure per banned word per text (field set), or one passed result. Never throws. */
export function checkBannedWords(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const failures: { reason: string; field: string }[] = [];
  const banned = ctx.bannedWords.map((w) => w.trim()).filter(Boolean);
  for (const t of copyTexts(candidate, ctx.channel)) {
    const folded = fold(t.text);
    for (const word of banned) {
      if (containsFoldedTerm(folded, word)) {
        failures.push({ reason: `${t.label} uses the banned word ${quote(word)}`, field: t.field });
      }
    }
  }
  return verdict('banned_words', failures);
}
