import { ConnectorError } from '../errors';
import { type HttpOptions, fetchWithRetry, readJsonBody, redirectError } from '../http';

export interface WooClientOptions {
  /** The store URL as stored: `https://shop.example.com` (or a WordPress folder below it). */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  http?: HttpOptions;
  /** Runs before each request (the private-network guard). */
  guard?: () => Promise<void>;
}

/** A list answer: the JSON body and WordPress's pagination headers (null when absent). */
export interface WooList {
  body: unknown;
  total: number | null;
  totalPages: number | null;
}

const WHAT = 'the WooCommerce store';

function headerInt(res: Response, name: string): number | null {
  const v = res.headers.get(name);
  return v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null;
}

/**
 * A WooCommerce REST API v3 client (`/wp-json/wc/v3/…`). Over https the keys travel in an HTTP
 * Basic Authorization header; only a local http test store gets them in the query string (as
 * WooCommerce itself never accepts keys over plain http from elsewhere). 429 and 5xx are retried.
 */
export class WooClient {
  private readonly root: string;
  private readonly secure: boolean;

  constructor(private readonly options: WooClientOptions) {
    this.root = options.baseUrl.replace(/\/+$/, '');
    this.secure = this.root.startsWith('https://');
  }

  /**
   * GET `/wp-json/wc/v3/<path>` with `params`. Throws ConnectorError with a safe message for
   * rejected keys (401), missing permission (403), a wrong address (404) and exhausted retries.
   */
  async get(path: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<WooList> {
    await this.options.guard?.();
    const url = new URL(`${this.root}/wp-json/wc/v3/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.secure) {
      const basic = Buffer.from(`${this.options.consumerKey}:${this.options.consumerSecret}`).toString(
        'base64',
      );
      headers.Authorization = `Basic ${basic}`;
    } else {
      url.searchParams.set('consumer_key', this.options.consumerKey);
      url.searchParams.set('consumer_secret', this.options.consumerSecret);
    }
    const res = await fetchWithRetry(
      url.toString(),
      { method: 'GET', headers },
      { ...this.options.http, what: WHAT, signal },
    );
    if (!res.ok) throw await statusError(res);
    return {
      body: await readJsonBody(res, WHAT),
      total: headerInt(res, 'x-wp-total'),
      totalPages: headerInt(res, 'x-wp-totalpages'),
    };
  }

  /** The site name from the WordPress REST index (no keys needed); null when unavailable. */
  async siteName(signal?: AbortSignal): Promise<string | null> {
    try {
      await this.options.guard?.();
      const res = await fetchWithRetry(
        `${this.root}/wp-json/`,
        { headers: { Accept: 'application/json' } },
        {
          ...this.options.http,
          maxRetries: 1,
          what: WHAT,
          signal,
        },
      );
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return null;
      }
      const body = (await res.json()) as { name?: unknown };
      return typeof body?.name === 'string' && body.name.trim() ? body.name.trim().slice(0, 80) : null;
    } catch (error) {
      if (signal?.aborted) throw error;
      return null;
    }
  }
}

async function statusError(res: Response): Promise<ConnectorError> {
  await res.body?.cancel().catch(() => undefined);
  const s = res.status;
  if (s >= 300 && s < 400) return redirectError(res, WHAT);
  const fixed: Record<number, string> = {
    400: 'The WooCommerce store refused the request (400). Check the store URL.',
    401: 'WooCommerce rejected the consumer key and secret (401). Replace the credentials.',
    403: 'The WooCommerce API key lacks read permission (403). Create a key with Read access.',
    404: 'No WooCommerce REST API answered at this address (404). Check the store URL and that WooCommerce is active.',
  };
  const message = fixed[s];
  if (message) return new ConnectorError(message, { retryable: false, status: s });
  return new ConnectorError(`The WooCommerce store answered HTTP ${s}.`, { retryable: s >= 500, status: s });
}
