/**
 * The ad slot's pieces: request URLs (pure), the device class, and rendering one decision into an
 * open shadow root (text only through textContent; links only http(s) or relative), with the
 * impression sent once when at least half of the ad is visible.
 */

/** Attribute that marks an ad slot; its value is the campaign's placement key. */
export const AD_ATTR = 'data-tailor-ad';

/** What the decide endpoint answers (the fields the bundle reads; lib/ads/types.ts AdDecision). */
export interface AdDecision {
  token: string;
  fields: Record<string, string[] | undefined>;
  url: string | null;
  imageUrl: string | null;
  locale: string;
}

export interface DecideQuery {
  key: string;
  placement: string;
  locale?: string;
  /** The browser's anonymous id: only with personalization consent. */
  visitor?: string | null;
  device?: string;
}

/** `<api>/api/v1/ads/decide?…`; empty optional parameters are left out. */
export function decideUrl(api: string, q: DecideQuery): string {
  const p = new URLSearchParams({ key: q.key, placement: q.placement });
  if (q.locale) p.set('locale', q.locale);
  if (q.visitor) p.set('visitor', q.visitor);
  if (q.device) p.set('device', q.device);
  return `${api}/api/v1/ads/decide?${p}`;
}

/** `<api>/api/v1/ads/feedback?key=…` (the key in the URL: beacons cannot set headers). */
export const feedbackUrl = (api: string, key: string): string =>
  `${api}/api/v1/ads/feedback?key=${encodeURIComponent(key)}`;

/** Device class by viewport width in CSS px: < 768 mobile, < 1024 tablet, else desktop. */
export const deviceOf = (width: number): 'mobile' | 'tablet' | 'desktop' =>
  width < 768 ? 'mobile' : width < 1024 ? 'tablet' : 'desktop';

/** Only http(s) and relative links become hrefs: a `javascript:` URL from bad data never runs. */
export function safeHref(u: string, base: string): string | null {
  try {
    return /^https?:$/.test(new URL(u, base).protocol) ? u : null;
  } catch {
    return null;
  }
}

const CSS =
  ':host{display:block}aside{display:flex;gap:12px;align-items:center;padding:12px;border:1px solid #8884;border-radius:8px;font:15px/1.4 system-ui,sans-serif;color:#1f2328;background:#fff}img{width:72px;height:72px;object-fit:cover;border-radius:6px}p{margin:0;flex:1;font-weight:600}a{padding:8px 14px;border-radius:6px;background:#1f2328;color:#fff;text-decoration:none;white-space:nowrap}a:focus-visible{outline:2px solid #1f6feb;outline-offset:2px}';

function styles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const s = document.createElement('style');
    s.textContent = CSS;
    root.append(s);
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  return e;
}

/**
 * Renders the decision into the host's shadow root (replacing a previous ad) and reports an
 * impression once ≥ 50 % of it is visible, a click before the browser follows the link.
 */
export function renderAd(
  host: HTMLElement,
  d: AdDecision,
  send: (type: 'impression' | 'click') => void,
): void {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!root.adoptedStyleSheets?.length) styles(root);
  const box = el('aside');
  box.lang = d.locale;
  if (d.imageUrl && safeHref(d.imageUrl, location.href)) {
    const img = el('img');
    img.src = d.imageUrl;
    img.alt = '';
    box.append(img);
  }
  box.append(el('p', d.fields.headline?.[0] ?? ''));
  const cta = el('a', d.fields.cta?.[0] ?? '');
  const href = d.url && safeHref(d.url, location.href);
  if (href) cta.href = href;
  cta.addEventListener('click', () => send('click'));
  box.append(cta);
  root.querySelector('aside')?.remove();
  root.append(box);
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.intersectionRatio >= 0.5)) return;
      io.disconnect();
      send('impression');
    },
    { threshold: 0.5 },
  );
  io.observe(box);
}
