/**
 * `length`: every text fits its field's limit in the channel's counting. On Google, East Asian
 * wide characters count twice, which the reason says, or a Japanese merchant would count 17 and
 * wonder why 34 is too long.
 */
import { CHANNELS, textLength } from '@/lib/ads/channels';
import type { Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { copyTexts, verdict } from './text';

/** One failure per text over its field limit (channel counting), or one passed result. Never throws. */
export function checkLength(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const spec = CHANNELS[ctx.channel];
  const failures: { reason: string; field: string }[] = [];
  for (const t of copyTexts(candidate, ctx.channel)) {
    const field = spec.fields.find((f) => f.key === t.key);
    if (!field) continue; // unknown fields are the `fields` check's business
    const length = textLength(t.text, spec.counting);
    if (length <= field.limit) continue;
    const wide = spec.counting === 'google' && length > [...t.text].length;
    failures.push({
      reason: `${t.label} is ${length} of ${field.limit} characters${wide ? ' (CJK characters count twice on Google)' : ''}`,
      field: t.field,
    });
  }
  return verdict('length', failures);
}
