/**
 * `fields`: the creative has exactly the channel's fields, each with min..max texts, and no text
 * is empty or not text at all (a model may answer with numbers or nested objects).
 */
import { CHANNELS } from '@/lib/ads/channels';
import type { Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { textLabel, verdict } from './text';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One failure per missing, short, long, empty or unknown field, or one passed result. Never throws. */
export function checkFields(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const spec = CHANNELS[ctx.channel];
  const failures: { reason: string; field?: string }[] = [];
  const fields: Record<string, unknown> =
    candidate.fields && typeof candidate.fields === 'object' ? candidate.fields : {};

  for (const field of spec.fields) {
    const texts = fields[field.key];
    const name = field.max === 1 ? field.label : `${field.label}s`;
    if (!Array.isArray(texts) || texts.length === 0) {
      failures.push({ reason: `${name}: missing (needs ${field.min}–${field.max})`, field: field.key });
      continue;
    }
    if (texts.length < field.min) {
      failures.push({
        reason: `${name}: ${plural(texts.length, 'text')}, needs at least ${field.min}`,
        field: field.key,
      });
    } else if (texts.length > field.max) {
      failures.push({
        reason: `${name}: ${plural(texts.length, 'text')}, ${spec.label} takes at most ${field.max}`,
        field: field.key,
      });
    }
    texts.forEach((text: unknown, index) => {
      const label = textLabel(ctx.channel, field.key, index);
      if (typeof text !== 'string') {
        failures.push({ reason: `${label} is not text`, field: `${field.key}[${index}]` });
      } else if (text.trim() === '') {
        failures.push({ reason: `${label} is empty`, field: `${field.key}[${index}]` });
      }
    });
  }

  const known = new Set(spec.fields.map((f) => f.key));
  for (const key of Object.keys(fields)) {
    if (!known.has(key)) {
      failures.push({ reason: `Has a field '${key}' that a ${spec.label} does not have`, field: key });
    }
  }
  return verdict('fields', failures);
}
