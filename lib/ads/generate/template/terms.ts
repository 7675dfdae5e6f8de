/**
 * Required terms (the store's name, a slogan): every creative must contain each at least once.
 * The engine joins a missing term to one of the creative's texts ("Linen for summer – Acme",
 * "Acme: …") where it fits, or swaps a text for a shorter variant that leaves room. A bare "Acme"
 * text is never added: it would repeat in every creative of the campaign, and the duplicate
 * guardrail refuses repeats. A term that is itself a banned word is left out (banned wins).
 */
import type { ChannelSpec } from '@/lib/ads/channels';
import type { GenerationRequest } from '@/lib/ads/types';
import type { PhraseTable } from './phrases/types';
import { formatMessage } from './render';
import { containsWord, fitText } from './text';

type Fields = Record<string, string[]>;

interface Placement {
  request: GenerationRequest;
  table: PhraseTable;
  spec: ChannelSpec;
}

/** The literal of a carrier ("–" of "{text} – {term}"), to avoid "A – B – Term". */
function separatorOf(carrier: string): string {
  return carrier.replace('{text}', '').replace('{term}', '').trim();
}

const ENDS_SENTENCE = /[.!?。！？]$/u;

/** "A – B – Term" and "A sentence. – Term" read badly: the first pass avoids both. */
function readsBadly(carrier: string, text: string): boolean {
  const separator = separatorOf(carrier);
  if (separator && text.includes(separator)) return true;
  return carrier.startsWith('{text}') && ENDS_SENTENCE.test(text);
}

function join(p: Placement, carrier: string, text: string, term: string, limit: number): string | null {
  const joined = formatMessage(carrier, p.request.locale, { text, term });
  return fitText(joined, limit, p.spec.counting, []) === joined ? joined : null;
}

function placeInText(p: Placement, fields: Fields, term: string): boolean {
  for (const picky of [true, false]) {
    for (const carrier of p.table.withTerm) {
      for (const field of p.spec.fields) {
        const texts = fields[field.key] ?? [];
        for (let i = 0; i < texts.length; i++) {
          if (picky && readsBadly(carrier, texts[i]!)) continue;
          const joined = join(p, carrier, texts[i]!, term, field.limit);
          if (joined === null) continue;
          texts[i] = joined;
          return true;
        }
      }
    }
  }
  return false;
}

/** No text has room for the term: swap the last text of a field for a shorter variant that does. */
function placeInAlternative(
  p: Placement,
  fields: Fields,
  term: string,
  alternatives: Map<string, string[]>,
): void {
  for (const carrier of p.table.withTerm) {
    for (const field of p.spec.fields) {
      const texts = fields[field.key] ?? [];
      const last = texts[texts.length - 1];
      // Never give up a text that carries another required term.
      if (last === undefined || p.request.requiredTerms.some((t) => t.trim() && containsWord(last, t)))
        continue;
      for (const alternative of alternatives.get(field.key) ?? []) {
        if (texts.includes(alternative) || readsBadly(carrier, alternative)) continue;
        const joined = join(p, carrier, alternative, term, field.limit);
        if (joined === null) continue;
        texts[texts.length - 1] = joined;
        return;
      }
    }
  }
}

/**
 * Works each required term that `fields` lack into them, in place. `alternatives` holds, per
 * field, the other rendered texts the engine could have used (shorter ones make room).
 */
export function addRequiredTerms(
  request: GenerationRequest,
  table: PhraseTable,
  spec: ChannelSpec,
  fields: Fields,
  alternatives: Map<string, string[]>,
): void {
  const placement: Placement = { request, table, spec };
  for (const raw of request.requiredTerms) {
    const term = raw.trim();
    if (!term || request.bannedWords.some((word) => containsWord(term, word, { cjkBoundary: true })))
      continue;
    if (Object.values(fields).some((texts) => texts.some((t) => containsWord(t, term)))) continue;
    if (!placeInText(placement, fields, term)) placeInAlternative(placement, fields, term, alternatives);
  }
}
