import { ConnectorError } from '../errors';
import { arr, obj, str } from '../json';
import { mapAll } from '../mapped';
import { isCurrencyCode } from '../money';
import type { Page, Resource, SkipCounts, StoreInfo, StoreSource } from '../types';
import type { ShopifyClient } from './client';
import { mapGqlCustomer, mapGqlOrder, mapGqlProduct } from './map';
import {
  COUNT_QUERIES,
  ORDER_LINES_QUERY,
  PAGE_QUERIES,
  PAGE_SIZES,
  SHOP_LOCALES_QUERY,
  SHOP_QUERY,
  updatedSince,
} from './queries';

interface Connection {
  pageInfo?: { hasNextPage?: unknown; endCursor?: unknown };
  nodes?: unknown;
}

/** The primary language of a Shopify locale (`en`, `pt-BR` → `pt`). */
function language(locale: string | null): string {
  const m = locale ? /^([a-z]{2,3})\b/i.exec(locale) : null;
  return m ? m[1]!.toLowerCase() : 'en';
}

/**
 * The sync's view of a Shopify store over the Admin GraphQL API. `store` (currency, locale) is
 * needed to map pages; `info()` reads it.
 */
export function shopifySource(client: ShopifyClient, store: StoreInfo | null): StoreSource {
  const needStore = (): StoreInfo => {
    if (!store) throw new ConnectorError('The store details are missing; reconnect the store.');
    return store;
  };

  return {
    platform: 'shopify',

    async info(signal) {
      const data = await client.query<{ shop?: { name?: unknown; currencyCode?: unknown } }>(
        SHOP_QUERY,
        {},
        signal,
      );
      const currency = data.shop?.currencyCode;
      if (!isCurrencyCode(currency)) throw new ConnectorError('Shopify did not report the shop currency.');
      let locale: string | null = null;
      try {
        const l = await client.query<{ shopLocales?: unknown }>(SHOP_LOCALES_QUERY, {}, signal);
        const primary = arr(l.shopLocales)
          .map(obj)
          .find((x) => x?.primary === true);
        locale = str(primary?.locale);
      } catch (error) {
        if (signal?.aborted) throw error;
        // read_locales is optional: titles are then stored under English.
      }
      return { name: str(data.shop?.name) ?? 'Shopify store', currency, locale: language(locale) };
    },

    async count(resource: Resource, since, signal) {
      try {
        const data = await client.query<Record<string, { count?: unknown } | undefined>>(
          COUNT_QUERIES[resource],
          { query: updatedSince(since) },
          signal,
        );
        const n = Number(data[`${resource}Count`]?.count);
        return Number.isSafeInteger(n) && n >= 0 ? n : null;
      } catch (error) {
        if (signal?.aborted) throw error;
        return null; // counts only feed the progress bar
      }
    },

    async fetchPage(resource, cursor, since, signal): Promise<Page> {
      const data = await client.query<Record<string, Connection | undefined>>(
        PAGE_QUERIES[resource],
        { first: PAGE_SIZES[resource], after: cursor, query: updatedSince(since) },
        signal,
      );
      const conn = data[resource];
      if (!conn || !Array.isArray(conn.nodes)) throw new ConnectorError(`Shopify sent no ${resource} list.`);
      const nextCursor = conn.pageInfo?.hasNextPage === true ? str(conn.pageInfo.endCursor) : null;
      const skipped: SkipCounts = {};
      if (resource === 'products') {
        const records = mapAll(conn.nodes, (n) => mapGqlProduct(n, needStore()), skipped);
        return { resource, records, skipped, nextCursor };
      }
      if (resource === 'customers') {
        return { resource, records: mapAll(conn.nodes, mapGqlCustomer, skipped), skipped, nextCursor };
      }
      const s = needStore();
      const extra = new Map<unknown, unknown[]>();
      for (const node of conn.nodes) {
        const o = obj(node);
        const lineInfo = obj(obj(o?.lineItems)?.pageInfo);
        if (o && lineInfo?.hasNextPage === true)
          extra.set(node, await remainingLines(client, o.id, lineInfo.endCursor, signal));
      }
      const records = mapAll(conn.nodes, (n) => mapGqlOrder(n, s, extra.get(n)), skipped);
      return { resource, records, skipped, nextCursor };
    },
  };
}

/** Line items past the first page of one order (orders with very many lines). */
async function remainingLines(
  client: ShopifyClient,
  id: unknown,
  after: unknown,
  signal?: AbortSignal,
): Promise<unknown[]> {
  const out: unknown[] = [];
  let cursor = str(after);
  while (cursor) {
    const data = await client.query<{ order?: { lineItems?: Connection } | null }>(
      ORDER_LINES_QUERY,
      { id, after: cursor },
      signal,
    );
    const conn = data.order?.lineItems;
    out.push(...arr(conn?.nodes));
    cursor = conn?.pageInfo?.hasNextPage === true ? str(conn.pageInfo.endCursor) : null;
  }
  return out;
}
