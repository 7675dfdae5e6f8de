import { ConnectorError } from '../errors';
import {
  type HttpOptions,
  type Sleep,
  fetchWithRetry,
  readJsonBody,
  realSleep,
  redirectError,
} from '../http';

/** The Admin API version every request names. */
export const SHOPIFY_API_VERSION = '2024-10';

export interface ShopifyClientOptions {
  /** `https://acme.myshopify.com`, or a local test server when local stores are allowed. */
  origin: string;
  accessToken: string;
  apiVersion?: string;
  http?: HttpOptions;
  /** Runs before each request (the private-network guard). */
  guard?: () => Promise<void>;
  /** Retries of a THROTTLED answer before giving up (default 8). */
  maxThrottleRetries?: number;
}

/** `extensions.cost.throttleStatus` of the last answer. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface GraphQLError {
  message?: unknown;
  extensions?: { code?: unknown };
}

interface GraphQLBody {
  data?: unknown;
  errors?: GraphQLError[];
  extensions?: { cost?: { requestedQueryCost?: unknown; throttleStatus?: Partial<ThrottleStatus> } };
}

const WHAT = 'the Shopify store';

/**
 * A Shopify Admin GraphQL client (`POST /admin/api/<version>/graphql.json`) that stays inside
 * the store's cost budget: it remembers each query's requested cost and the bucket's level and
 * restore rate, waits before a call the bucket cannot afford, and retries THROTTLED answers.
 * HTTP 429 (Retry-After) and 5xx are retried with backoff by `fetchWithRetry`.
 */
export class ShopifyClient {
  private throttle: (ThrottleStatus & { at: number }) | null = null;
  private readonly costs = new Map<string, number>();
  private readonly url: string;
  private readonly now: () => number;

  constructor(private readonly options: ShopifyClientOptions) {
    this.now = options.http?.now ?? Date.now;
    this.url = `${options.origin.replace(/\/+$/, '')}/admin/api/${options.apiVersion ?? SHOPIFY_API_VERSION}/graphql.json`;
  }

  /** The last throttle status seen (tests, diagnostics). */
  get throttleStatus(): ThrottleStatus | null {
    return this.throttle;
  }

  /**
   * Runs one query and returns its `data`. Throws ConnectorError with a safe message for
   * rejected credentials (401), missing scopes (403), unknown shops (404), GraphQL errors, and
   * throttling or server errors that outlast the retries.
   */
  async query<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
    const sleep = this.options.http?.sleep ?? realSleep;
    const maxThrottled = this.options.maxThrottleRetries ?? 8;
    for (let attempt = 0; ; attempt++) {
      await this.options.guard?.();
      const wait = this.waitBefore(query);
      if (wait > 0) await this.pause(sleep, wait, signal);
      const res = await fetchWithRetry(
        this.url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Shopify-Access-Token': this.options.accessToken,
          },
          body: JSON.stringify({ query, variables }),
        },
        { ...this.options.http, what: WHAT, signal },
      );
      if (!res.ok) throw await statusError(res);
      const body = (await readJsonBody(res, WHAT)) as GraphQLBody;
      this.observe(query, body);
      const errors = Array.isArray(body?.errors) ? body.errors : [];
      if (errors.some((e) => e?.extensions?.code === 'THROTTLED')) {
        if (attempt >= maxThrottled) {
          throw new ConnectorError('Shopify kept throttling the requests; the sync will continue later.');
        }
        await this.pause(sleep, Math.max(this.waitBefore(query), 1000), signal);
        continue;
      }
      if (errors.length > 0) throw graphQLError(errors);
      if (body?.data === undefined || body.data === null) {
        throw new ConnectorError('Shopify answered without data.');
      }
      return body.data as T;
    }
  }

  private observe(query: string, body: GraphQLBody): void {
    const cost = body?.extensions?.cost;
    const requested = Number(cost?.requestedQueryCost);
    if (Number.isFinite(requested) && requested > 0) this.costs.set(query, requested);
    const t = cost?.throttleStatus;
    const max = Number(t?.maximumAvailable);
    const available = Number(t?.currentlyAvailable);
    const rate = Number(t?.restoreRate);
    if ([max, available, rate].every(Number.isFinite) && rate > 0) {
      this.throttle = {
        maximumAvailable: max,
        currentlyAvailable: available,
        restoreRate: rate,
        at: this.now(),
      };
    }
  }

  /** Sleeps, then credits the bucket estimate with what the wait restored. */
  private async pause(sleep: Sleep, ms: number, signal?: AbortSignal): Promise<void> {
    const before = this.available();
    await sleep(ms, signal);
    const t = this.throttle;
    if (t) {
      t.currentlyAvailable = Math.min(t.maximumAvailable, before + (ms / 1000) * t.restoreRate);
      t.at = this.now();
    }
  }

  /** The bucket level now, estimated from the last answer and the restore rate since. */
  private available(): number {
    const t = this.throttle;
    if (!t) return Number.POSITIVE_INFINITY;
    const refilled = ((this.now() - t.at) / 1000) * t.restoreRate;
    return Math.min(t.maximumAvailable, t.currentlyAvailable + refilled);
  }

  /** Milliseconds to wait until the bucket holds this query's last requested cost. */
  private waitBefore(query: string): number {
    const t = this.throttle;
    if (!t) return 0;
    const need = Math.min(this.costs.get(query) ?? 0, t.maximumAvailable);
    const available = this.available();
    if (available >= need) return 0;
    return Math.ceil(((need - available) / t.restoreRate) * 1000);
  }
}

async function statusError(res: Response): Promise<ConnectorError> {
  await res.body?.cancel().catch(() => undefined);
  const s = res.status;
  if (s >= 300 && s < 400) return redirectError(res, WHAT);
  const fixed: Record<number, string> = {
    401: 'Shopify rejected the access token (401). Replace the credentials with a valid Admin API access token.',
    402: 'The Shopify store is frozen (402 Payment Required).',
    403: 'The access token lacks a permission Tailor needs (read_products, read_customers, read_orders).',
    404: 'No Shopify store answered at this address (404). Check the shop domain.',
    423: 'The Shopify store is locked (423).',
  };
  const message = fixed[s];
  if (message) return new ConnectorError(message, { retryable: false, status: s });
  return new ConnectorError(`The Shopify store answered HTTP ${s}.`, { retryable: s >= 500, status: s });
}

function graphQLError(errors: GraphQLError[]): ConnectorError {
  const first = errors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : '';
  const text = typeof first?.message === 'string' ? first.message.replace(/\s+/g, ' ').slice(0, 200) : '';
  const retryable = code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE';
  if (code === 'ACCESS_DENIED') {
    return new ConnectorError(
      'The access token lacks a permission Tailor needs (read_products, read_customers, read_orders).',
      { retryable: false },
    );
  }
  return new ConnectorError(`Shopify refused the query${text ? `: ${text}` : ''}.`, { retryable });
}
