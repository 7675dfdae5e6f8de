/**
 * tailor.js: drains the loader's queue, resolves consent, tracks events and renders widgets.
 * No dependencies, no eval, no HTML parsing: it runs under a strict CSP that allows its origin.
 */
import { MARKER_ATTR, RECENT_CAP, STORAGE } from './constants';
import { type Consent, consentFromTcf, mayStore, resolveConsent, type TcData } from './consent';
import { buildEvents, pushRecent, TRACK_TYPES, type TrackProps, type TrackType } from './events';
import { randomId } from './ids';
import { clearLocal, readJson, writeJson } from './storage';
import { DEFAULT_HEIGHT, type Layout } from './styles';
import { createTransport } from './track';
import { normalizeLocale, recommendationsUrl, splitIds, stripUrl } from './url';
import { type RecsResponse, renderWidget, watchImpression } from './widget';

interface Stub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
  o?: { k: string; a: string; c: boolean };
  /** The page's explicit consent choice, read by the ads bundle (tailor-ads.js). */
  c?: Partial<Consent> | null;
}
type TcfApi = (cmd: string, version: number, cb: (d: TcData, ok: boolean) => void) => void;
const w = window as unknown as { tailor?: Stub; __tcfapi?: TcfApi };
const stub = w.tailor;
const cfg = stub?.o;

if (stub && cfg && !(stub as { live?: boolean }).live) start(stub, cfg);

function start(stub: Stub, cfg: NonNullable<Stub['o']>): void {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  let explicit: Partial<Consent> | null = null;
  let tcf: Consent | null = null;
  let consent: Consent = { analytics: false, personalization: false };
  let aid: string | null = null;
  let customerId: string | null = null;
  let viewed = false;
  // Whether the store shows a reason line: learned from answers, kept only where storing is allowed.
  let why = false;
  const locale = normalizeLocale(document.documentElement.lang) ?? normalizeLocale(nav.language);
  const queue = createTransport(cfg.a, cfg.k);

  const applyConsent = () => {
    consent = resolveConsent({
      defaultGranted: cfg.c,
      explicit,
      tcf,
      dnt: nav.doNotTrack === '1',
      gpc: nav.globalPrivacyControl === true,
    });
    if (mayStore(consent)) {
      why = why || readJson<boolean>('localStorage', STORAGE.why, false);
      aid = readJson<string | null>('localStorage', STORAGE.aid, null);
      if (!aid) {
        aid = randomId();
        writeJson('localStorage', STORAGE.aid, aid);
      }
    } else {
      aid = customerId = null;
      clearLocal();
    }
  };

  const track = (type: TrackType, props: TrackProps = {}) => {
    if (type === 'view') {
      viewed = true;
      if (consent.personalization && props.productId !== undefined) {
        const recent = readJson<string[]>('localStorage', STORAGE.recent, []);
        writeJson('localStorage', STORAGE.recent, pushRecent(recent, String(props.productId), RECENT_CAP));
      }
    }
    const who = { consent, anonymousId: aid, customerId, url: stripUrl(location.href), locale };
    queue.push(buildEvents(type, props, who, Date.now(), randomId));
    if (queue.size() >= 20 || type === 'rec_click' || type === 'purchase') void queue.flush();
    if (type === 'add_to_cart' || type === 'remove_from_cart') refreshSoon();
  };

  // Widgets: reserve space, fetch when within 200px of the viewport, render, watch impressions.
  const loaded = new Set<HTMLElement>();
  const load = (host: HTMLElement) => {
    loaded.add(host);
    const asked = why;
    const placement = host.getAttribute(MARKER_ATTR) ?? '';
    const recent =
      consent.personalization && aid ? readJson<string[]>('localStorage', STORAGE.recent, []) : [];
    const url = recommendationsUrl(cfg.a, {
      key: cfg.k,
      placement,
      locale,
      item: host.dataset.item,
      cart: splitIds(host.dataset.cart),
      visitor: consent.personalization && aid ? aid : undefined,
      recent,
      explain: asked,
    });
    fetch(url, { credentials: 'omit' })
      .then((r) => (r.ok ? (r.json() as Promise<RecsResponse>) : Promise.reject(r.status)))
      .then((data) => {
        if (!data.items?.length) return collapse(host, 'empty');
        const on = data.widget?.theme?.reasons === true;
        if (on !== why) {
          why = on;
          if (mayStore(consent)) writeJson('localStorage', STORAGE.why, on);
        }
        // The store turned the reason line on since this page last asked: ask again, with reasons.
        if (on && !asked) return load(host);
        const variant = data.variant;
        const section = renderWidget(host, data, locale, (productId) =>
          track('rec_click', { productId, placement, variant }),
        );
        host.dataset.tailorState = 'rendered';
        performance.mark?.(`tailor:rendered:${placement}`);
        watchImpression(section, () => track('rec_impression', { placement, variant }));
      })
      .catch(() => collapse(host, 'error'));
  };
  const collapse = (host: HTMLElement, state: string) => {
    host.style.minHeight = '0';
    host.dataset.tailorState = state;
  };
  const lazy = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        lazy.unobserve(e.target);
        load(e.target as HTMLElement);
      }
    },
    { rootMargin: '200px' },
  );
  const scan = (reload: boolean) => {
    for (const host of document.querySelectorAll<HTMLElement>(`[${MARKER_ATTR}]`)) {
      if (loaded.has(host)) {
        if (reload) load(host);
        continue;
      }
      const layout = (host.dataset.layout ?? 'grid') as Layout;
      const height = Number(host.dataset.height) || DEFAULT_HEIGHT[layout] || DEFAULT_HEIGHT.grid;
      if (!host.dataset.tailorState) host.style.minHeight = `${height}px`;
      host.dataset.tailorState = 'loading';
      lazy.observe(host);
    }
  };
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => scan(true), 300);
  };

  const api: Stub = (...args: unknown[]) => {
    const [cmd, a, b] = args;
    if (cmd === 'track' && typeof a === 'string' && TRACK_TYPES.includes(a)) {
      track(a as TrackType, (b ?? {}) as TrackProps);
    } else if (cmd === 'identify') {
      // Kept in memory only; buildEvents attaches it only with analytics consent.
      customerId = a === undefined || a === null || a === '' ? null : String(a);
    } else if (cmd === 'consent' && a && typeof a === 'object') {
      explicit = api.c = a as Partial<Consent>;
      applyConsent();
    } else if (cmd === 'refresh') {
      scan(true);
    } else {
      console.warn('Tailor: unknown command', cmd);
    }
  };
  (api as { live?: boolean }).live = true;
  api.o = cfg;

  applyConsent();
  for (const args of stub.q ?? []) api(...Array.from(args));
  w.tailor = api;
  track('page_view');
  if (!viewed) {
    const item = document.querySelector<HTMLElement>(`[${MARKER_ATTR}][data-item]`)?.dataset.item;
    if (item) track('view', { productId: item });
  }
  w.__tcfapi?.('addEventListener', 2, (d, ok) => {
    const next = ok ? consentFromTcf(d) : null;
    if (next) {
      tcf = next;
      applyConsent();
    }
  });
  scan(false);
  setInterval(() => void queue.flush(), 1000);
  const hide = () => queue.beaconAll();
  addEventListener('pagehide', hide);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && hide());
}
