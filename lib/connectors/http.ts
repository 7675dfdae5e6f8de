import { setTimeout as delay } from 'node:timers/promises';
import { ConnectorError } from './errors';

/** Waits `ms`, rejecting with the signal's reason when it aborts. Injectable so tests never wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The production Sleep: a timer that rejects with the signal's reason on abort. */
export const realSleep: Sleep = async (ms, signal) => {
  try {
    await delay(Math.max(0, ms), undefined, { signal });
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
};

export interface HttpOptions {
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Retries after the first try for 429, 5xx and network errors (default 5). */
  maxRetries?: number;
  /** Exponential backoff: base · 2^retry, with 10% jitter, capped at maxDelayMs (defaults 500 ms, 60 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-request time limit (default 30 s). */
  timeoutMs?: number;
  /** The clock for Retry-After dates and throttling estimates (tests pair it with `sleep`). */
  now?: () => number;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504, 520, 522, 524]);

/** `Retry-After` in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const v = header.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The backoff before retry `n` (0-based). */
export function backoffMs(n: number, options: HttpOptions): number {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 60_000;
  return Math.min(max, Math.round(base * 2 ** n * (1 + Math.random() * 0.1)));
}

/**
 * `fetch` with bounded retries: 429 waits for Retry-After (or backs off), 5xx and network errors
 * back off exponentially. Redirects are not followed (the caller reports them). Any other status
 * is returned for the caller to interpret. Throws ConnectorError once retries are exhausted, or
 * the signal's reason when it aborts. `what` names the far end in messages ("the Shopify store").
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: HttpOptions & { what: string; signal?: AbortSignal },
): Promise<Response> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const retries = options.maxRetries ?? 5;
  const { signal, what } = options;
  let last = '';
  for (let n = 0; ; n++) {
    signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    let wait: number;
    try {
      const res = await doFetch(url, {
        ...init,
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!RETRY_STATUSES.has(res.status)) return res;
      await res.body?.cancel().catch(() => undefined);
      last = `HTTP ${res.status}`;
      const after =
        res.status === 429 || res.status === 503 ? retryAfterMs(res.headers.get('retry-after')) : null;
      wait = after === null ? backoffMs(n, options) : Math.min(after, options.maxDelayMs ?? 60_000);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      last = timeout.aborted ? 'no answer in time' : 'network error';
      wait = backoffMs(n, options);
      if (n >= retries) {
        throw new ConnectorError(`Could not reach ${what} (${last}) after ${n + 1} tries.`, { cause: error });
      }
    }
    if (n >= retries) {
      throw new ConnectorError(`${capitalize(what)} kept answering ${last} after ${n + 1} tries.`);
    }
    await sleep(wait, signal);
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A 3xx answer as a safe error naming where the store points (scheme and host only). */
export function redirectError(res: Response, what: string): ConnectorError {
  let target = '';
  try {
    target = new URL(res.headers.get('location') ?? '', 'http://invalid.local').origin;
  } catch {
    target = '';
  }
  const hint = target && !target.includes('invalid.local') ? ` to ${target}` : '';
  return new ConnectorError(
    `${capitalize(what)} redirected${hint}: connect with the address it redirects to.`,
    { retryable: false, status: res.status },
  );
}

/** Parses a JSON body; a body that is not JSON is a (retryable) ConnectorError. */
export async function readJsonBody(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ConnectorError(`${capitalize(what)} sent a response that is not JSON.`, { status: res.status });
  }
}
