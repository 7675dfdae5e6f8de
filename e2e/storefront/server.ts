/**
 * A tiny storefront on another origin than the app, for the snippet's e2e spec and
 * `npm run bench:snippet`. Every HTML page is German (`<html lang="de">`), loads the app's /t.js
 * with a publishable key, and is served under a strict Content-Security-Policy (no inline
 * scripts or styles, no eval): what a careful merchant would deploy.
 *
 * Pages (query options on each: `hostile=1` adds a stylesheet that attacks every element,
 * `consent=granted` sets data-consent-default):
 *   /                  home page, marker `home-for-you`
 *   /product/<sku>     product page, marker `product-similar` with data-item
 *   /other             a second page (marker `trending`), for "nothing is lost on a page change"
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Attacks everything a widget could inherit or match; only a shadow root with its own styles survives it. */
export const HOSTILE_CSS = `* { font: 40px/3 serif !important; color: red !important; box-sizing: content-box !important; }
ul, li { display: inline !important; list-style: disc !important; }
img { filter: blur(5px) !important; }
a { pointer-events: none !important; }
section, h2 { display: none !important; }
`;

const BASE_CSS = `body { margin: 0 auto; max-width: 960px; padding: 16px; font-family: sans-serif; }
header, footer { padding: 8px 0; }
`;

export interface Storefront {
  /** `http://127.0.0.1:<port>`: the origin to allow on the publishable key. */
  origin: string;
  /** The publishable key the pages install; set it once the key exists. */
  setKey(key: string): void;
  /** An absolute URL on the storefront. */
  url(path: string): string;
  close(): Promise<void>;
}

export interface StorefrontOptions {
  /** Origin of the Tailor app serving /t.js and the API, e.g. http://127.0.0.1:3100. */
  appOrigin: string;
  key?: string;
  /** Port on 127.0.0.1; 0 (default) lets the OS pick a free one. */
  port?: number;
}

/** The Content-Security-Policy every page is served with. */
export function strictCsp(appOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src ${appOrigin}`,
    `connect-src ${appOrigin}`,
    'img-src * data:',
    "style-src 'self'",
  ].join('; ');
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface PageInput {
  title: string;
  marker: { placement: string; item?: string };
  hostile: boolean;
  consent: string | null;
  appOrigin: string;
  key: string;
}

function page(p: PageInput): string {
  const item = p.marker.item ? ` data-item="${escapeHtml(p.marker.item)}"` : '';
  const consent = p.consent ? ` data-consent-default="${escapeHtml(p.consent)}"` : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escapeHtml(p.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/base.css">
${p.hostile ? '<link rel="stylesheet" href="/hostile.css">\n' : ''}<script async src="${p.appOrigin}/t.js" data-key="${escapeHtml(p.key)}"${consent}></script>
</head>
<body>
<header><a href="/">Startseite</a> <a href="/other">Angebote</a></header>
<main>
<h1>${escapeHtml(p.title)}</h1>
<p>Willkommen in unserem Testladen.</p>
<div data-tailor-placement="${escapeHtml(p.marker.placement)}"${item}></div>
</main>
<footer><a href="/other">Weiter einkaufen</a></footer>
</body>
</html>
`;
}

/** Starts the storefront on 127.0.0.1; resolves once it listens. */
export async function startStorefront(opts: StorefrontOptions): Promise<Storefront> {
  let key = opts.key ?? '';
  const appOrigin = opts.appOrigin.replace(/\/$/, '');
  const csp = strictCsp(appOrigin);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://storefront.invalid');
    const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(body);
    };
    if (url.pathname === '/base.css') return send(200, 'text/css; charset=utf-8', BASE_CSS);
    if (url.pathname === '/hostile.css') return send(200, 'text/css; charset=utf-8', HOSTILE_CSS);
    if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');

    const hostile = url.searchParams.get('hostile') === '1';
    const consent = url.searchParams.get('consent');
    const common = { hostile, consent, appOrigin, key };
    const product = /^\/product\/([^/]+)$/.exec(url.pathname);
    let html: string | null = null;
    if (url.pathname === '/') {
      html = page({ ...common, title: 'Startseite', marker: { placement: 'home-for-you' } });
    } else if (product?.[1]) {
      const sku = decodeURIComponent(product[1]);
      html = page({
        ...common,
        title: `Produkt ${sku}`,
        marker: { placement: 'product-similar', item: sku },
      });
    } else if (url.pathname === '/other') {
      html = page({ ...common, title: 'Angebote', marker: { placement: 'trending' } });
    }
    if (html === null) return send(404, 'text/plain; charset=utf-8', 'Nicht gefunden');
    send(200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': csp });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    setKey(k) {
      key = k;
    },
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
