/**
 * Widget styles. The CSS text is fixed; merchant theme values reach it only as custom
 * properties set through the CSSOM (`style.setProperty`), so a value can never add a rule.
 */

/** Layout names chosen per placement in the dashboard. */
export type Layout = 'grid' | 'carousel' | 'list';

/** The merchant's widget theme (validated by the server; empty values keep the defaults). */
export interface Theme {
  accent?: string;
  text?: string;
  background?: string;
  font?: string;
  radius?: number;
  /** Show the strongest reason as a short line under each title. */
  reasons?: boolean;
}

/** Reserved height per layout before anything loads, in px (overridden by data-height). */
export const DEFAULT_HEIGHT: Record<Layout, number> = { grid: 320, carousel: 300, list: 360 };

/** The widget stylesheet text (one for every layout; the section carries the layout class). */
export const CSS = `:host{display:block;contain:content}
section{font:14px/1.4 var(--t-font,system-ui,sans-serif);color:var(--t-text,#1f2328);background:var(--t-bg,transparent);padding:8px 0;position:relative}
h2{font-size:1.15em;margin:0 0 8px}
ul{list-style:none;margin:0;padding:0;display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(150px,1fr))}
.carousel ul{display:flex;overflow-x:auto;scroll-snap-type:x mandatory;scrollbar-width:thin}
.carousel li{flex:0 0 160px;scroll-snap-align:start}
.list ul{grid-template-columns:1fr}
.list a{flex-direction:row;align-items:center}
.list img{width:64px;height:64px}
a{display:flex;flex-direction:column;gap:4px;color:inherit;text-decoration:none;border-radius:var(--t-radius,8px);padding:6px}
a:hover .t{text-decoration:underline}
a:focus-visible,button:focus-visible{outline:2px solid var(--t-accent,#1f6feb);outline-offset:2px}
img{width:100%;height:auto;aspect-ratio:1;object-fit:cover;border-radius:var(--t-radius,8px);background:#8881}
.p{color:var(--t-accent,#1f6feb);font-weight:600}
.r{font-size:.85em;opacity:.75}
.nav{display:flex;gap:8px;justify-content:flex-end;margin-top:6px}
button{font:inherit;border:1px solid currentColor;background:none;color:inherit;border-radius:var(--t-radius,8px);min-width:32px;min-height:32px;cursor:pointer}`;

/** Sets the theme as custom properties on the widget host. */
export function applyTheme(host: HTMLElement, theme: Theme | undefined): void {
  const vars: [string, string | number | undefined][] = [
    ['--t-accent', theme?.accent],
    ['--t-text', theme?.text],
    ['--t-bg', theme?.background],
    ['--t-font', theme?.font],
    ['--t-radius', theme?.radius === undefined ? undefined : `${theme.radius}px`],
  ];
  for (const [name, value] of vars) if (value !== undefined) host.style.setProperty(name, String(value));
}

let sheet: CSSStyleSheet | undefined;

/** Attaches the stylesheet: a constructable sheet (no 'unsafe-inline' needed), else a <style>. */
export function adoptStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // older engines without constructable sheets fall through
    }
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  root.appendChild(style);
}
