/**
 * `required_terms`: each required term (e.g. the brand) appears in at least one text of the
 * creative, as a whole word, ignoring case, accents and width.
 */
import type { Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { containsFoldedTerm, copyTexts, fold, quote, verdict } from './text';

/** One failure per required term no text mentions, or one passed result. Never throws. */
export function checkRequiredTerms(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const texts = copyTexts(candidate, ctx.channel).map((t) => fold(t.text));
  const failures = ctx.requiredTerms
    .map((term) => term.trim())
    .filter((term) => term && !texts.some((t) => containsFoldedTerm(t, term)))
    .map((term) => ({ reason: `Does not mention the required term ${quote(term)} in any field` }));
  return verdict('required_terms', failures);
}
