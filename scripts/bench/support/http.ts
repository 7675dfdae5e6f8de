/**
 * A tiny HTTP client for benchmarks: a cookie jar, timeouts, and timings that include reading
 * the whole body (what a browser waits for). Uses Node's fetch, which keeps connections alive.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Whether a cookie whose name contains `fragment` is set (`authjs.session-token`, `__Secure-…`). */
  has(fragment: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(fragment));
  }
}

export interface Timed {
  status: number;
  ms: number;
  bytes: number;
  location: string | null;
  body: string;
}

/** One request with manual redirects; `ms` runs from sending to the last body byte. */
export async function timedRequest(
  url: string,
  opts: { jar?: CookieJar; method?: string; form?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Timed> {
  const headers: Record<string, string> = {
    'user-agent': 'tailor-bench',
    accept: 'text/html,application/json',
  };
  const cookie = opts.jar?.header();
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (opts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const t0 = performance.now();
  const res = await fetch(url, {
    method: opts.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  const elapsed = performance.now() - t0;
  opts.jar?.store(res);
  return {
    status: res.status,
    ms: elapsed,
    bytes: Buffer.byteLength(text),
    location: res.headers.get('location'),
    body: text,
  };
}

/**
 * Signs in through Auth.js's credentials provider the way the browser form does:
 * GET /api/auth/csrf (token + cookie), then a form POST to /api/auth/callback/credentials.
 * Throws when no session results.
 */
export async function signIn(base: string, jar: CookieJar, email: string, password: string): Promise<void> {
  const csrf = await timedRequest(`${base}/api/auth/csrf`, { jar });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken?: string };
  if (!csrfToken) throw new Error('GET /api/auth/csrf returned no csrfToken');
  const res = await timedRequest(`${base}/api/auth/callback/credentials`, {
    jar,
    form: { email, password, csrfToken, callbackUrl: `${base}/` },
  });
  if (res.location?.includes('error=') || !jar.has('authjs.session-token')) {
    throw new Error(
      `sign-in failed (status ${res.status}${res.location ? `, redirected to ${res.location}` : ''})`,
    );
  }
}
