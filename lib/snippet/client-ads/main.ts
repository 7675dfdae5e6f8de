/**
 * tailor-ads.js, the storefront ads bundle: fills every `<div data-tailor-ad="placement-key">`
 * with the creative the decide endpoint picks, in a shadow root, and reports impressions (≥ 50 %
 * visible, once) and clicks. Installed next to (or without) the main snippet:
 * `<script async src="<app>/tailor-ads.js" data-key="pk_…" [data-api] [data-consent-default]>`.
 *
 * Consent, like the main snippet (../client/consent.ts): Do Not Track and Global Privacy Control
 * deny everything; else the main snippet's resolved consent when it exposes one (`tailor.c`),
 * else the CMP (TCF v2), else data-consent-default (this tag's or the main loader's). Only with
 * personalization consent does the request carry the anonymous id the main snippet stored; without
 * it the ad is chosen for everyone. Feedback carries only the decision token, never an id.
 */
import { type Consent, consentFromTcf, resolveConsent, type TcData } from '../client/consent';
import { STORAGE } from '../client/constants';
import { readJson } from '../client/storage';
import { normalizeLocale } from '../client/url';
import { AD_ATTR, type AdDecision, decideUrl, deviceOf, feedbackUrl, renderAd } from './ad';

type TcfApi = (cmd: string, version: number, cb: (d: TcData, ok: boolean) => void) => void;
const w = window as unknown as { tailor?: { o?: { c?: boolean }; c?: Partial<Consent> }; __tcfapi?: TcfApi };
const script = document.currentScript as HTMLScriptElement | null;

if (script) {
  const data = script.dataset;
  const api = (data.api || new URL(script.src, location.href).origin).replace(/\/$/, '');
  const key = data.key || '';
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const locale = normalizeLocale(document.documentElement.lang) ?? normalizeLocale(nav.language);

  const send = (token: string, type: string) => {
    const url = feedbackUrl(api, key);
    const body = JSON.stringify({ token, type });
    try {
      if (nav.sendBeacon(url, body)) return;
    } catch {
      // no beacon: fetch below
    }
    fetch(url, { method: 'POST', body, keepalive: true, mode: 'cors', credentials: 'omit' }).catch(
      () => undefined,
    );
  };

  const start = (tcf: Consent | null) => {
    const consent = resolveConsent({
      defaultGranted: data.consentDefault === 'granted' || w.tailor?.o?.c === true,
      explicit: w.tailor?.c ?? null,
      tcf,
      dnt: nav.doNotTrack === '1',
      gpc: nav.globalPrivacyControl === true,
    });
    const visitor = consent.personalization
      ? readJson<string | null>('localStorage', STORAGE.aid, null)
      : null;
    for (const host of document.querySelectorAll<HTMLElement>(`[${AD_ATTR}]`)) {
      if (host.dataset.tailorState) continue;
      host.dataset.tailorState = 'loading';
      const placement = host.getAttribute(AD_ATTR) ?? '';
      fetch(decideUrl(api, { key, placement, locale, visitor, device: deviceOf(innerWidth) }), {
        credentials: 'omit',
      })
        .then((r) => (r.status === 200 ? (r.json() as Promise<{ decision: AdDecision | null }>) : null))
        .then((body) => {
          const d = body?.decision;
          // 204: no creative for this slot; the slot stays empty.
          if (d) renderAd(host, d, (type) => send(d.token, type));
          host.dataset.tailorState = d ? 'rendered' : 'empty';
        })
        .catch(() => {
          host.dataset.tailorState = 'error';
        });
    }
  };

  const boot = () => {
    const tcfapi = w.__tcfapi;
    if (!tcfapi) return start(null);
    // A CMP answers asynchronously; without an answer in 500 ms the other sources decide.
    let done = false;
    const go = (tcf: Consent | null) => {
      if (!done) {
        done = true;
        start(tcf);
      }
    };
    setTimeout(() => go(null), 500);
    tcfapi('addEventListener', 2, (d, ok) => {
      const tcf = ok ? consentFromTcf(d) : null;
      if (tcf) go(tcf);
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}
