/**
 * The Content-Security-Policy of dashboard pages. Scripts run only with the per-request nonce
 * (Next puts it on its own scripts when it finds it in the request's CSP header) and whatever
 * those scripts load ('strict-dynamic'); no 'unsafe-inline' for scripts. Styles allow inline
 * `style` attributes, which React components use, but nothing from other origins.
 */
export interface CspOptions {
  /** Base64 nonce, fresh for every request (see `newNonce`). */
  nonce: string;
  /** `next dev` needs eval for its error overlay; production never does. */
  dev?: boolean;
  /** Served over https: ask the browser to upgrade any stray http subresource. */
  https?: boolean;
}

/** 128 random bits, base64: unguessable, and a valid CSP nonce token. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The policy as one header value. */
export function buildCsp({ nonce, dev = false, https = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['frame-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['manifest-src', "'self'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The nonce a policy carries, or null (what Next itself extracts). */
export function nonceOf(csp: string | null): string | null {
  const m = csp?.match(/'nonce-([A-Za-z0-9+/=_-]+)'/);
  return m?.[1] ?? null;
}
