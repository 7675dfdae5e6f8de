/**
 * Checks every export format runs on a row before writing it: the creative's fields against the
 * channel (the same guardrails as generation, without catalog or language context) and the names
 * the platform shows (campaign, ad group or ad set, ad).
 */
import { checkDuplicate } from '@/lib/ads/guardrails/duplicate';
import { checkFields } from '@/lib/ads/guardrails/fields';
import { checkLength } from '@/lib/ads/guardrails/length';
import type { AdChannel, CreativeFields, GuardrailContext } from '@/lib/ads/types';
import { cellProblem } from './csv';

/** Field counts, platform lengths and repeats of one creative, as reasons. */
export function fieldProblems(channel: AdChannel, fields: CreativeFields): string[] {
  const ctx: GuardrailContext = {
    channel,
    locale: 'en',
    products: [],
    brandName: null,
    bannedWords: [],
    requiredTerms: [],
    seen: new Set(),
  };
  const candidate = { fields, productIds: [] };
  return [...checkFields(candidate, ctx), ...checkLength(candidate, ctx), ...checkDuplicate(candidate, ctx)]
    .filter((c) => !c.passed && c.reason)
    .map((c) => c.reason as string);
}

/** Empty, too long (over `limit` characters) or formula-like names, e.g. ["Campaign", row.campaign]. */
export function nameProblems(names: readonly (readonly [string, string])[], limit: number): string[] {
  const problems: string[] = [];
  for (const [name, value] of names) {
    if (!value.trim()) problems.push(`${name} name is empty`);
    else if (value.length > limit) problems.push(`${name} name is longer than ${limit} characters`);
    const cell = cellProblem(value);
    if (cell) problems.push(`${name} name ${cell}`);
  }
  return problems;
}
