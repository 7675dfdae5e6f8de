import { type Credentials, isShopifyCredentials } from './credentials';
import { ConnectorError } from './errors';
import type { HttpOptions } from './http';
import { ShopifyClient } from './shopify/client';
import { shopifySource } from './shopify/source';
import type { Platform, StoreInfo, StoreSource } from './types';
import { storeGuard } from './urls';
import { WooClient } from './woocommerce/client';
import { hostName, wooSource } from './woocommerce/source';

export interface SourceInput {
  platform: Platform;
  /** The stored, normalized store address. */
  baseUrl: string;
  credentials: Credentials;
  /** Null before the first `info()` (while connecting). */
  store: StoreInfo | null;
  /** The locale WooCommerce titles are stored under (WooCommerce does not report one). */
  locale: string;
}

export interface SourceOptions {
  http?: HttpOptions;
  /** Overrides the local-store policy (tests); defaults to `allowLocalStores()`. */
  allowLocal?: boolean;
}

/** The platform client for a store, behind the network guard. */
export function buildSource(input: SourceInput, options: SourceOptions = {}): StoreSource {
  const guard = storeGuard(input.baseUrl, options.allowLocal);
  const c = input.credentials;
  if (input.platform === 'shopify') {
    if (!isShopifyCredentials(input.platform, c))
      throw new ConnectorError('Shopify credentials are missing.');
    const client = new ShopifyClient({
      origin: input.baseUrl,
      accessToken: c.accessToken,
      http: options.http,
      guard,
    });
    return shopifySource(client, input.store);
  }
  if (!('consumerKey' in c)) throw new ConnectorError('WooCommerce credentials are missing.');
  const client = new WooClient({
    baseUrl: input.baseUrl,
    consumerKey: c.consumerKey,
    consumerSecret: c.consumerSecret,
    http: options.http,
    guard,
  });
  return wooSource(client, input.store, { name: hostName(input.baseUrl), locale: input.locale });
}
