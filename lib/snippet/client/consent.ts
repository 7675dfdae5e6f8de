/** Consent resolution, pure: DNT/GPC > the merchant's explicit call > the CMP (TCF v2) > default. */

/** What the shopper allowed. Personalization is only used together with an anonymous id. */
export interface Consent {
  analytics: boolean;
  personalization: boolean;
}

export interface ConsentInputs {
  /** `data-consent-default="granted"` on the loader tag; denied otherwise. */
  defaultGranted: boolean;
  /** Last `tailor('consent', …)` call, if any. */
  explicit?: Partial<Consent> | null;
  /** Last consent read from an IAB TCF v2 CMP, if any. */
  tcf?: Consent | null;
  /** `navigator.doNotTrack === '1'`. */
  dnt: boolean;
  /** `navigator.globalPrivacyControl === true`. */
  gpc: boolean;
}

const NONE: Consent = { analytics: false, personalization: false };

/** The effective consent. Do Not Track or Global Privacy Control deny everything, whatever else says. */
export function resolveConsent(i: ConsentInputs): Consent {
  if (i.dnt || i.gpc) return NONE;
  const base = i.explicit ?? i.tcf ?? (i.defaultGranted ? { analytics: true, personalization: true } : NONE);
  return { analytics: base.analytics === true, personalization: base.personalization === true };
}

/** The part of a TCF v2 `tcData` object we read. */
export interface TcData {
  gdprApplies?: boolean;
  eventStatus?: string;
  purpose?: { consents?: Record<string, boolean | undefined> };
}

/**
 * Maps TCF v2 purposes to consent: purpose 1 (store/access) plus 7, 8 or 9 (measurement,
 * research) → analytics; purpose 1 plus 5 or 6 (personalised content) → personalization.
 * Returns null while the CMP has no answer yet (UI shown) or when GDPR does not apply,
 * so the other sources decide.
 */
export function consentFromTcf(d: TcData | null | undefined): Consent | null {
  if (!d || d.gdprApplies === false) return null;
  if (d.eventStatus !== 'tcloaded' && d.eventStatus !== 'useractioncomplete') return null;
  const p = d.purpose?.consents ?? {};
  const store = p[1] === true;
  return {
    analytics: store && (p[7] === true || p[8] === true || p[9] === true),
    personalization: store && (p[5] === true || p[6] === true),
  };
}

/** Whether anything may be kept in localStorage (an anonymous id, recently viewed products). */
export const mayStore = (c: Consent): boolean => c.analytics || c.personalization;
