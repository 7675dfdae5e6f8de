/**
 * The uplift holdout (issue 4): a stable share of storefront visitors sees non-personal
 * recommendations, so personalisation's effect can be measured against them. Assignment is a pure
 * function of the workspace and the visitor (or shopper) id — no state, the same arm on every
 * request and every server — and changing the share only moves the visitors near the boundary.
 */
import type { RecommendationVariant } from '@/lib/events/schemas';
import { SCENARIOS, type ScenarioId } from '../scenarios';

/**
 * 32-bit FNV-1a over the UTF-16 code units of `text`, then murmur3's finalizer (FNV's low bits
 * alone cluster for ids that differ only in their last characters).
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The arm of one visitor: `hash32(tenantId + ':' + subject) / 2^32 < share` is the holdout.
 * @param subject the browser's anonymous id (publishable key) or the shopper reference (secret key)
 * @param share holdout share, 0–1 (0: nobody is held out; storefront settings allow up to 0.5)
 */
export function assignVariant(tenantId: string, subject: string, share: number): RecommendationVariant {
  return hash32(`${tenantId}:${subject}`) / 2 ** 32 < share ? 'holdout' : 'personalized';
}

export interface Audience {
  /** The visitor (publishable key) or shopper reference (secret key) the answer is for, if any. */
  subject: string | undefined;
  /** Only when a placement is named and there is a subject. */
  variant: RecommendationVariant | undefined;
  /** Whether shopper and visit history may be used. */
  personal: boolean;
  /** The scenario served: a personal one becomes trending when the answer may not be personal. */
  scenario: ScenarioId;
}

/**
 * Who a request may be personal for. A secret key: `shopper` (else `visitor`), anonymous ids
 * stitched to their customer. A publishable key: only through `visitor` (the browser's
 * anonymous id, a bearer secret), never `shopper` (customer ids are guessable). A named placement
 * puts the subject in an arm; the holdout arm and a storefront without a visitor get non-personal
 * answers. Appends the reason for any substitution to `o.notes`.
 */
export function audienceOf(
  input: { nonPersonal: boolean; visitor?: string; shopper?: string },
  asked: ScenarioId,
  o: { tenantId: string; placementNamed: boolean; holdoutShare: number; notes: string[] },
): Audience {
  const subject = input.nonPersonal ? input.visitor : (input.shopper ?? input.visitor);
  if (input.nonPersonal && input.shopper !== undefined)
    o.notes.push('shopper= is ignored with a publishable key: send visitor= (the browser’s anonymous id).');
  const variant =
    o.placementNamed && subject !== undefined
      ? assignVariant(o.tenantId, subject, o.holdoutShare)
      : undefined;
  const personal = subject !== undefined && variant !== 'holdout';
  let scenario = asked;
  if (SCENARIOS[asked].personal && (variant === 'holdout' || (input.nonPersonal && !personal))) {
    scenario = 'trending';
    o.notes.push(
      variant === 'holdout'
        ? 'Holdout arm: non-personal trending instead.'
        : 'Personal scenarios need a visitor id on a publishable key: trending instead.',
    );
  }
  return { subject, variant, personal, scenario };
}
