/**
 * The consent rules as pure functions (no I/O): how a storefront's purposes map onto Tailor's,
 * and what a shopper's effective consent is. Everything that enforces consent decides through
 * `effectiveConsent`, so the precedence lives in one place.
 */
import { PRIVACY_PURPOSES, type PrivacyPurpose } from '@/db/schema';
import type { ConsentPurpose } from '@/lib/events/schemas';

export type ConsentMode = 'opt_in' | 'opt_out';
/** Decisions for some purposes: true = granted, false = denied; an absent purpose is unknown. */
export type ConsentDecisions = Partial<Record<PrivacyPurpose, boolean>>;

/**
 * A shopper's effective consent for one purpose: the stored decision when there is one, else
 * what the current event (or request) declares, else the workspace default: `opt_out` allows
 * until the shopper withdraws, `opt_in` allows only after a grant.
 */
export function effectiveConsent(input: {
  stored?: boolean | null;
  declared?: boolean | null;
  mode: ConsentMode;
}): boolean {
  return input.stored ?? input.declared ?? input.mode === 'opt_out';
}

/**
 * A storefront's consent object (`analytics`, `personalization`, `marketing`, `ads`) as Tailor
 * purposes. `marketing` and `ads` both mean advertising; when both are sent and disagree, the
 * denial wins (a refusal must never be overridden by a neighbouring grant).
 */
export function declaredDecisions(
  consent: Partial<Record<ConsentPurpose, boolean>> | undefined,
): ConsentDecisions {
  const out: ConsentDecisions = {};
  if (!consent) return out;
  if (typeof consent.analytics === 'boolean') out.analytics = consent.analytics;
  if (typeof consent.personalization === 'boolean') out.personalization = consent.personalization;
  const ads = [consent.marketing, consent.ads].filter((v): v is boolean => typeof v === 'boolean');
  if (ads.length > 0) out.advertising = ads.every(Boolean);
  return out;
}

/** The decisions of `next` that differ from `current` (an unknown current value always differs). */
export function changedDecisions(
  current: (purpose: PrivacyPurpose) => boolean | undefined,
  next: ConsentDecisions,
): ConsentDecisions {
  const out: ConsentDecisions = {};
  for (const p of PRIVACY_PURPOSES) {
    const v = next[p];
    if (v !== undefined && current(p) !== v) out[p] = v;
  }
  return out;
}

/** Whether a decisions object names no purpose at all. */
export const isEmptyDecisions = (d: ConsentDecisions): boolean =>
  PRIVACY_PURPOSES.every((p) => d[p] === undefined);
