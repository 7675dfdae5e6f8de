/**
 * The guardrails every provider's output passes before it is stored: one check per file, all run
 * on every candidate so the gallery can show each failure with a reason a merchant understands.
 */
import type { Candidate, CheckResult, GuardrailContext, GuardrailId } from '@/lib/ads/types';
import { ensureLanguageDetector } from '@/lib/language/detect';
import { checkBannedWords } from './banned-words';
import { checkCatalogFacts } from './catalog-facts';
import { checkDuplicate } from './duplicate';
import { checkFields } from './fields';
import { checkLanguage } from './language';
import { checkLength } from './length';
import { checkPersonalData } from './personal-data';
import { checkRequiredTerms } from './required-terms';

export { normalizeCopy, seenKeys } from './duplicate';

export type Guardrail = (candidate: Candidate, ctx: GuardrailContext) => CheckResult[];

/** The checks in GUARDRAIL_IDS order. */
export const GUARDRAILS: Record<GuardrailId, Guardrail> = {
  fields: checkFields,
  length: checkLength,
  language: checkLanguage,
  catalog_facts: checkCatalogFacts,
  personal_data: checkPersonalData,
  banned_words: checkBannedWords,
  required_terms: checkRequiredTerms,
  duplicate: checkDuplicate,
};

/**
 * Loads what the checks need (the language model, ~1 MB of WASM) once per process. Await it
 * before `runGuardrails`; throws if the model cannot load.
 */
export async function prepareGuardrails(): Promise<void> {
  await ensureLanguageDetector();
}

/**
 * Runs every guardrail on `candidate` (none stops early). `passed` is true when every result
 * passed. Does not change `ctx.seen`: the caller adds `seenKeys(candidate.fields, ctx.channel)` once it
 * keeps the creative. Throws only when `prepareGuardrails()` was not awaited.
 */
export function runGuardrails(
  candidate: Candidate,
  ctx: GuardrailContext,
): { passed: boolean; checks: CheckResult[] } {
  const checks = Object.values(GUARDRAILS).flatMap((check) => check(candidate, ctx));
  return { passed: checks.every((c) => c.passed), checks };
}
