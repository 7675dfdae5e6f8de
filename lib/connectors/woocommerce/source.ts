import { ConnectorError } from '../errors';
import { date, obj, str } from '../json';
import { mapAll } from '../mapped';
import { isCurrencyCode } from '../money';
import type { Page, Resource, SkipCounts, StoreInfo, StoreSource } from '../types';
import type { WooClient } from './client';
import { mapWooCustomer, mapWooOrder, mapWooProduct } from './map';

/** Items per page: WooCommerce's maximum. */
export const WOO_PAGE_SIZE = 100;

/** `2024-05-01T10:00:00` (UTC, read as such with dates_are_gmt=true). */
const wooDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '');

/**
 * Query parameters of one page. Products and orders filter by `modified_after`; the customers
 * endpoint has no such filter, so an incremental run reads customers newest-registered first and
 * stops at the first one older than `since` (changes to existing customers arrive by webhook).
 */
function pageParams(resource: Resource, page: number, since: Date | null): Record<string, string> {
  const base = { per_page: String(WOO_PAGE_SIZE), page: String(page) };
  if (resource === 'customers') {
    return since
      ? { ...base, orderby: 'registered_date', order: 'desc' }
      : { ...base, orderby: 'id', order: 'asc' };
  }
  return since
    ? { ...base, orderby: 'id', order: 'asc', modified_after: wooDate(since), dates_are_gmt: 'true' }
    : { ...base, orderby: 'id', order: 'asc' };
}

/** The sync's view of a WooCommerce store. `locale` is the language titles are stored under. */
export function wooSource(
  client: WooClient,
  store: StoreInfo | null,
  fallback: { name: string; locale: string },
): StoreSource {
  const needStore = (): StoreInfo => {
    if (!store) throw new ConnectorError('The store details are missing; reconnect the store.');
    return store;
  };

  return {
    platform: 'woocommerce',

    async info(signal) {
      const { body } = await client.get('data/currencies/current', {}, signal);
      const code = obj(body)?.code;
      if (!isCurrencyCode(code)) throw new ConnectorError('WooCommerce did not report the store currency.');
      const name = (await client.siteName(signal)) ?? fallback.name;
      return { name, currency: code, locale: fallback.locale };
    },

    async count(resource, since, signal) {
      if (resource === 'customers' && since) return null;
      const { total } = await client.get(
        resource,
        { ...pageParams(resource, 1, since), per_page: '1' },
        signal,
      );
      return total;
    },

    async fetchPage(resource, cursor, since, signal): Promise<Page> {
      const page = cursor ? Number(cursor) : 1;
      if (!Number.isSafeInteger(page) || page < 1)
        throw new ConnectorError('The saved sync position is invalid.');
      const { body, totalPages } = await client.get(resource, pageParams(resource, page, since), signal);
      if (!Array.isArray(body)) throw new ConnectorError(`WooCommerce sent no ${resource} list.`);
      let items: unknown[] = body;
      let more = totalPages !== null ? page < totalPages : body.length >= WOO_PAGE_SIZE;
      if (resource === 'customers' && since) {
        const fresh = items.filter((c) => {
          const created = date(obj(c)?.date_created_gmt);
          return !created || created > since;
        });
        if (fresh.length < items.length) more = false;
        items = fresh;
      }
      const nextCursor = more ? String(page + 1) : null;
      const skipped: SkipCounts = {};
      if (resource === 'products') {
        const s = needStore();
        return { resource, records: mapAll(items, (p) => mapWooProduct(p, s), skipped), skipped, nextCursor };
      }
      if (resource === 'customers') {
        return { resource, records: mapAll(items, mapWooCustomer, skipped), skipped, nextCursor };
      }
      const s = needStore();
      return { resource, records: mapAll(items, (o) => mapWooOrder(o, s), skipped), skipped, nextCursor };
    },
  };
}

/** A readable store name from its URL, for when the site does not say. */
export function hostName(baseUrl: string): string {
  try {
    return str(new URL(baseUrl).host) ?? 'WooCommerce store';
  } catch {
    return 'WooCommerce store';
  }
}
