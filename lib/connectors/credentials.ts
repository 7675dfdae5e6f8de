import { SecretDecryptError, type SealedSecret, decryptSecret, encryptSecret } from '@/lib/secrets/cipher';
import { ConnectorError } from './errors';
import { obj, str } from './json';
import type { Platform } from './types';

export interface ShopifyCredentials {
  accessToken: string;
  /** The app's API secret key, which signs its webhooks. */
  webhookSecret: string | null;
}

export interface WooCredentials {
  consumerKey: string;
  consumerSecret: string;
  /** The secret entered when creating the webhooks in WooCommerce. */
  webhookSecret: string | null;
}

export type Credentials = ShopifyCredentials | WooCredentials;

interface RowRef {
  tenantId: string;
  id: string;
}

/** Binds a ciphertext to its row: copied into another connection it does not decrypt. */
const contextOf = (ref: RowRef) => `connection:${ref.tenantId}:${ref.id}`;

/** Encrypts credentials for `connections.credentials` (AES-256-GCM; store `keyVersion` too). */
export function sealCredentials(ref: RowRef, credentials: Credentials): SealedSecret {
  return encryptSecret(JSON.stringify(credentials), { context: contextOf(ref) });
}

/**
 * Decrypts a connection's credentials. Throws a non-retryable ConnectorError (safe message) when
 * the key is missing or the value is damaged.
 */
export function openCredentials(row: RowRef & { platform: string; credentials: string }): Credentials {
  let json: unknown;
  try {
    json = JSON.parse(decryptSecret(row.credentials, { context: contextOf(row) }));
  } catch (error) {
    const detail = error instanceof SecretDecryptError ? ` ${error.message}` : '';
    throw new ConnectorError(`The saved credentials cannot be read; replace them.${detail}`, {
      retryable: false,
      cause: error,
    });
  }
  const o = obj(json) ?? {};
  const webhookSecret = str(o.webhookSecret);
  if (row.platform === 'shopify') {
    const accessToken = str(o.accessToken);
    if (accessToken) return { accessToken, webhookSecret };
  } else {
    const consumerKey = str(o.consumerKey);
    const consumerSecret = str(o.consumerSecret);
    if (consumerKey && consumerSecret) return { consumerKey, consumerSecret, webhookSecret };
  }
  throw new ConnectorError('The saved credentials are incomplete; replace them.', { retryable: false });
}

/** Narrows decrypted credentials to Shopify's shape. */
export function isShopifyCredentials(platform: Platform, c: Credentials): c is ShopifyCredentials {
  return platform === 'shopify' && 'accessToken' in c;
}
