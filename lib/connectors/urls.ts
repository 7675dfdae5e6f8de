import dns from 'node:dns';
import net from 'node:net';
import { getEnv } from '@/lib/env';
import { ConnectorError } from './errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Whether store addresses on this machine (`http://127.0.0.1:PORT`) are accepted: outside
 * production, or when TAILOR_ALLOW_LOCAL_STORES=true (the end-to-end suite's fake stores).
 */
export function allowLocalStores(): boolean {
  const env = getEnv();
  return env.TAILOR_ALLOW_LOCAL_STORES === true || env.NODE_ENV !== 'production';
}

/** True for 127.0.0.1, localhost and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

type Normalized = { ok: true; value: string } | { ok: false; message: string };

const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function parseUrl(input: string): URL | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`);
  } catch {
    return null;
  }
}

/** A local test store: `http://127.0.0.1:PORT` (origin only), when allowed. */
function localOrigin(url: URL, allowLocal: boolean): Normalized | null {
  if (!isLoopbackHost(url.hostname)) return null;
  if (!allowLocal) return { ok: false, message: 'Use the address of your online store, not this computer.' };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: 'Use an http:// or https:// address.' };
  }
  return { ok: true, value: url.origin };
}

/**
 * A Shopify shop as a stored origin: `acme`, `acme.myshopify.com` or `https://acme.myshopify.com/admin`
 * → `https://acme.myshopify.com`; a custom domain works too. Local addresses only when `allowLocal`.
 */
export function normalizeShopDomain(input: string, allowLocal = allowLocalStores()): Normalized {
  const raw = input.trim().toLowerCase();
  if (!raw) return { ok: false, message: 'Enter your shop domain, e.g. your-shop.myshopify.com.' };
  const withSuffix = /^[a-z0-9][a-z0-9-]*$/.test(raw) ? `${raw}.myshopify.com` : raw;
  const url = parseUrl(withSuffix);
  if (!url) return { ok: false, message: 'Enter a domain such as your-shop.myshopify.com.' };
  const local = localOrigin(url, allowLocal);
  if (local) return local;
  if (url.protocol !== 'https:') return { ok: false, message: 'Shopify stores are reached over https.' };
  if (url.port || url.username || url.password || !HOSTNAME.test(url.hostname)) {
    return { ok: false, message: 'Enter a domain such as your-shop.myshopify.com.' };
  }
  return { ok: true, value: `https://${url.hostname}` };
}

/**
 * A WooCommerce store URL as stored: `https://shop.example.com` or a WordPress in a folder
 * (`https://example.com/shop`), without query, hash or trailing slash. Must be https (local test
 * stores excepted when allowed).
 */
export function normalizeStoreUrl(input: string, allowLocal = allowLocalStores()): Normalized {
  const raw = input.trim();
  if (!raw) return { ok: false, message: 'Enter the address of your store, e.g. https://shop.example.com.' };
  const url = parseUrl(raw);
  if (!url) return { ok: false, message: 'Enter a web address such as https://shop.example.com.' };
  const path = url.pathname.replace(/\/+$/, '').replace(/\/wp-json(\/.*)?$/, '');
  if (isLoopbackHost(url.hostname)) {
    const local = localOrigin(url, allowLocal);
    return local?.ok ? { ok: true, value: `${local.value}${path}` } : local!;
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      message: 'The store must use https:// (WooCommerce sends keys only over a secure connection).',
    };
  }
  if (url.username || url.password || !HOSTNAME.test(url.hostname)) {
    return { ok: false, message: 'Enter a web address such as https://shop.example.com.' };
  }
  return { ok: true, value: `https://${url.host}${path}` };
}

/** True for loopback, private, link-local, CGNAT, multicast and reserved addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIPv4(v)) {
    const [a = 0, b = 0] = v.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (net.isIPv6(v)) {
    if (v === '::' || v === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
    if (mapped) return isPrivateAddress(mapped[1]!);
    return /^(fc|fd|fe[89ab]|ff)/.test(v);
  }
  return true;
}

type Lookup = (host: string) => Promise<{ address: string }[]>;
const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true });

/**
 * Refuses store hosts that resolve to this machine or a private network (the server must not be
 * turned into a proxy into its own network). Skipped for allowed local test stores.
 */
export async function assertPublicHost(hostname: string, lookup: Lookup = systemLookup): Promise<void> {
  let addresses: { address: string }[];
  try {
    addresses = await lookup(hostname);
  } catch {
    throw new ConnectorError(`The store address ${hostname} does not resolve.`, { retryable: true });
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw new ConnectorError(`The store address ${hostname} points to a private network.`, {
      retryable: false,
    });
  }
}

/**
 * The network policy for a stored store address: local test stores only when allowed, every
 * other host checked against private networks once per client.
 */
export function storeGuard(origin: string, allowLocal = allowLocalStores()): () => Promise<void> {
  const url = new URL(origin);
  if (isLoopbackHost(url.hostname)) {
    if (!allowLocal) {
      return async () => {
        throw new ConnectorError('Store addresses on this server are not allowed in production.', {
          retryable: false,
        });
      };
    }
    return async () => undefined;
  }
  if (url.protocol !== 'https:') {
    return async () => {
      throw new ConnectorError('The store must be reached over https.', { retryable: false });
    };
  }
  let checked: Promise<void> | undefined;
  return () => {
    checked ??= assertPublicHost(url.hostname).catch((error: unknown) => {
      checked = undefined;
      throw error;
    });
    return checked;
  };
}
