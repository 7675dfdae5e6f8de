/** Widget rendering into an open shadow root. All text goes in as text (textContent, alt). */
import { formatPrice } from './format';
import { adoptStyles, applyTheme, type Layout, type Theme } from './styles';

/** One recommended product as the recommendations API returns it. */
export interface RecItem {
  productId: string;
  externalId: string;
  title: string;
  price?: { amountMinor: number; currency: string } | null;
  url: string;
  imageUrl?: string | null;
  /** With `explain=1`: localized reasons and their shares of the score. */
  reasons?: { kind: string; text: string; contribution: number }[];
}

/** The recommendations API answer (fields the widget reads). */
export interface RecsResponse {
  placement?: string | null;
  variant?: 'personalized' | 'holdout';
  items: RecItem[];
  widget?: { title: string | null; layout: Layout; theme: Theme };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Only http(s) and relative links become hrefs: a `javascript:` URL from bad data never runs. */
const safeHref = (u: string): string => {
  try {
    return /^https?:$/.test(new URL(u, location.href).protocol) ? u : '#';
  } catch {
    return '#';
  }
};

/**
 * Renders the widget (replacing a previous render) and returns the section element.
 * `onClick` receives the clicked item's store id before the browser follows the link.
 */
export function renderWidget(
  host: HTMLElement,
  data: RecsResponse,
  locale: string | undefined,
  onClick: (externalId: string) => void,
): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!host.shadowRoot?.childNodes.length) adoptStyles(root);
  const old = root.querySelector('section');
  if (old) old.remove();
  const w = data.widget;
  const layout: Layout = w?.layout === 'carousel' || w?.layout === 'list' ? w.layout : 'grid';
  applyTheme(host, w?.theme);
  const title = w?.title ?? null;
  const section = el('section', {
    role: 'region',
    'aria-label': title || 'Recommended products',
    part: 'widget',
    class: layout,
  });
  if (title) section.append(el('h2', {}, title));
  const list = el('ul');
  for (const item of data.items) {
    const a = el('a', { href: safeHref(item.url), 'data-product-id': item.externalId });
    if (item.imageUrl) {
      a.append(
        el('img', { src: item.imageUrl, alt: item.title, width: '160', height: '160', loading: 'lazy' }),
      );
    }
    a.append(el('span', { class: 't' }, item.title));
    const why = w?.theme?.reasons ? strongest(item.reasons) : undefined;
    if (why) a.append(el('span', { class: 'r' }, why));
    if (item.price)
      a.append(el('span', { class: 'p' }, formatPrice(item.price.amountMinor, item.price.currency, locale)));
    a.addEventListener('click', () => onClick(item.externalId));
    const li = el('li');
    li.append(a);
    list.append(li);
  }
  section.append(list);
  if (layout === 'carousel') section.append(carouselNav(list));
  root.append(section);
  return section;
}

/** The text of the reason that added most to the score (a one-line "why"); none took away. */
function strongest(reasons: RecItem['reasons']): string | undefined {
  let best: NonNullable<RecItem['reasons']>[number] | undefined;
  for (const r of reasons ?? []) if (r.contribution > (best?.contribution ?? 0)) best = r;
  return best?.text;
}

function carouselNav(list: HTMLElement): HTMLElement {
  const nav = el('div', { class: 'nav' });
  for (const [label, sign, glyph] of [
    ['Previous products', -1, '‹'],
    ['Next products', 1, '›'],
  ] as const) {
    const b = el('button', { type: 'button', 'aria-label': label }, glyph);
    b.addEventListener('click', () =>
      list.scrollBy({ left: sign * list.clientWidth * 0.9, behavior: 'smooth' }),
    );
    nav.append(b);
  }
  return nav;
}

/** Calls `done` once when `target` has been at least half visible for one second. */
export function watchImpression(target: Element, done: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const io = new IntersectionObserver(
    (entries) => {
      const visible = entries.some((e) => e.intersectionRatio >= 0.5);
      if (visible && !timer) {
        timer = setTimeout(() => {
          io.disconnect();
          done();
        }, 1000);
      } else if (!visible && timer) {
        clearTimeout(timer);
        timer = undefined;
      }
    },
    { threshold: [0, 0.5, 1] },
  );
  io.observe(target);
}
