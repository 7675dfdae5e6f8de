import { describe, expect, it } from 'vitest';
import { consentFromTcf, mayStore, resolveConsent } from './consent';

const base = { defaultGranted: false, dnt: false, gpc: false };
const ALL = { analytics: true, personalization: true };
const NONE = { analytics: false, personalization: false };

describe('resolveConsent', () => {
  it('denies by default and grants with data-consent-default="granted"', () => {
    expect(resolveConsent(base)).toEqual(NONE);
    expect(resolveConsent({ ...base, defaultGranted: true })).toEqual(ALL);
  });

  it('lets the explicit call win over the CMP, and the CMP over the default', () => {
    const tcf = { analytics: true, personalization: false };
    expect(resolveConsent({ ...base, tcf })).toEqual(tcf);
    expect(resolveConsent({ ...base, tcf, explicit: { analytics: false } })).toEqual(NONE);
    expect(resolveConsent({ ...base, defaultGranted: true, explicit: { personalization: true } })).toEqual({
      analytics: false,
      personalization: true,
    });
  });

  it.each([
    ['Do Not Track', { dnt: true, gpc: false }],
    ['Global Privacy Control', { dnt: false, gpc: true }],
  ])('%s denies everything whatever else says', (_name, signals) => {
    expect(resolveConsent({ ...base, ...signals, defaultGranted: true, explicit: ALL, tcf: ALL })).toEqual(
      NONE,
    );
  });

  it('allows storage only when some purpose is granted', () => {
    expect(mayStore(NONE)).toBe(false);
    expect(mayStore({ analytics: true, personalization: false })).toBe(true);
    expect(mayStore({ analytics: false, personalization: true })).toBe(true);
  });
});

describe('consentFromTcf', () => {
  const tc = (consents: Record<number, boolean>, eventStatus = 'useractioncomplete') => ({
    gdprApplies: true,
    eventStatus,
    purpose: { consents },
  });

  it('maps purpose 1 + 7/8/9 to analytics and purpose 1 + 5/6 to personalization', () => {
    expect(consentFromTcf(tc({ 1: true, 7: true }))).toEqual({ analytics: true, personalization: false });
    expect(consentFromTcf(tc({ 1: true, 9: true, 6: true }))).toEqual(ALL);
    expect(consentFromTcf(tc({ 1: true, 5: true }, 'tcloaded'))).toEqual({
      analytics: false,
      personalization: true,
    });
  });

  it('grants nothing without purpose 1 (storage)', () => {
    expect(consentFromTcf(tc({ 5: true, 6: true, 7: true, 8: true, 9: true }))).toEqual(NONE);
  });

  it('has no answer while the CMP UI is shown or when GDPR does not apply', () => {
    expect(consentFromTcf(tc({ 1: true, 7: true }, 'cmpuishown'))).toBeNull();
    expect(consentFromTcf({ gdprApplies: false, eventStatus: 'tcloaded' })).toBeNull();
    expect(consentFromTcf(null)).toBeNull();
  });
});
