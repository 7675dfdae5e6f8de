import { type FakeReply, type FakeRequest, type LocalServer, VirtualClock, startLocalServer } from './server';

/** A fault served instead of the next answer. */
export type ShopifyFault =
  | { kind: 'http'; status: number; retryAfter?: string }
  | { kind: 'throttled' }
  | { kind: 'garbage' };

interface Item {
  node: Record<string, unknown>;
  updatedAt: string;
}

export interface FakeShopifyOptions {
  accessToken?: string;
  shopName?: string;
  currency?: string;
  locale?: string;
  /** The cost bucket: maximum, restore rate (points per virtual second). */
  bucket?: { max: number; restoreRate: number };
  clock?: VirtualClock;
}

const OPERATION = /\b(?:query|mutation)\s+(\w+)/;
const encodeCursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64');
const decodeCursor = (c: unknown) =>
  typeof c === 'string' ? Number(Buffer.from(c, 'base64').toString().slice(7)) : -1;

/** Requested cost the fake charges per operation (roughly what Shopify would calculate). */
const COSTS: Record<string, number> = {
  TailorProducts: 752,
  TailorCustomers: 302,
  TailorOrders: 986,
  TailorOrderLines: 402,
};

/**
 * A local stand-in for a Shopify shop's Admin GraphQL API (`POST /admin/api/<v>/graphql.json`),
 * answering the queries Tailor sends with Shopify's shapes: `data`, `extensions.cost` with a
 * leaky-bucket throttleStatus (THROTTLED when the bucket is short), `pageInfo` cursors and the
 * `updated_at:>'…'` filter. Faults (429 + Retry-After, 5xx, THROTTLED, non-JSON) can be queued.
 */
export class FakeShopify {
  readonly clock: VirtualClock;
  readonly products: Item[] = [];
  readonly customers: Item[] = [];
  readonly orders: Item[] = [];
  /** Every GraphQL request: operation name and variables, in order. */
  readonly log: {
    operation: string;
    variables: Record<string, unknown>;
    status: number;
    throttled: boolean;
  }[] = [];
  readonly faults: ShopifyFault[] = [];
  /** Serve this instead (return undefined to answer normally): crash and outage scenarios. */
  intercept: ((operation: string, variables: Record<string, unknown>) => FakeReply | undefined) | null = null;
  accessToken: string;
  private bucket: { max: number; restoreRate: number; available: number; at: number };
  private server: LocalServer | null = null;

  constructor(private readonly options: FakeShopifyOptions = {}) {
    this.clock = options.clock ?? new VirtualClock();
    this.accessToken = options.accessToken ?? 'shpat_test_token_0001';
    const b = options.bucket ?? { max: 1000, restoreRate: 50 };
    this.bucket = { ...b, available: b.max, at: this.clock.now };
  }

  async start(): Promise<string> {
    this.server = await startLocalServer((req) => this.handle(req));
    return this.server.origin;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** Empties the bucket to `available` points (the next expensive query gets THROTTLED). */
  drainBucket(available: number): void {
    this.bucket.available = available;
    this.bucket.at = this.clock.now;
  }

  private refill(): number {
    const b = this.bucket;
    b.available = Math.min(b.max, b.available + ((this.clock.now - b.at) / 1000) * b.restoreRate);
    b.at = this.clock.now;
    return b.available;
  }

  private cost(requested: number, actual: number | null, available: number) {
    return {
      cost: {
        requestedQueryCost: requested,
        actualQueryCost: actual,
        throttleStatus: {
          maximumAvailable: this.bucket.max,
          currentlyAvailable: Math.floor(available),
          restoreRate: this.bucket.restoreRate,
        },
      },
    };
  }

  private handle(req: FakeRequest): FakeReply {
    if (req.method !== 'POST' || !/^\/admin\/api\/\d{4}-\d{2}\/graphql\.json$/.test(req.url.pathname)) {
      return { status: 404, body: { errors: 'Not Found' } };
    }
    if (req.headers['x-shopify-access-token'] !== this.accessToken) {
      return {
        status: 401,
        body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
      };
    }
    let parsed: { query?: string; variables?: Record<string, unknown> };
    try {
      parsed = JSON.parse(req.body);
    } catch {
      return { status: 400, body: { errors: 'Bad JSON' } };
    }
    const operation = OPERATION.exec(parsed.query ?? '')?.[1] ?? 'anonymous';
    const variables = parsed.variables ?? {};
    const reply = this.answer(operation, variables);
    const throttled = JSON.stringify(reply.body ?? '').includes('"THROTTLED"');
    this.log.push({ operation, variables, status: reply.status, throttled });
    return reply;
  }

  private answer(operation: string, variables: Record<string, unknown>): FakeReply {
    const fault = this.faults.shift();
    const requested = COSTS[operation] ?? 10;
    const available = this.refill();
    if (fault?.kind === 'http') {
      return {
        status: fault.status,
        headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
        body: { errors: 'Unavailable' },
      };
    }
    if (fault?.kind === 'garbage') return { status: 200, body: '<html>maintenance</html>' };
    if (fault?.kind === 'throttled' || available < requested) {
      return {
        status: 200,
        body: {
          errors: [
            {
              message: 'Throttled',
              extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
            },
          ],
          extensions: this.cost(requested, null, available),
        },
      };
    }
    const intercepted = this.intercept?.(operation, variables);
    if (intercepted) return intercepted;
    const data = this.data(operation, variables);
    if ('errors' in data)
      return {
        status: 200,
        body: { errors: data.errors, extensions: this.cost(requested, null, available) },
      };
    const actual = Math.max(1, Math.round(requested / 3));
    this.bucket.available -= actual;
    return {
      status: 200,
      body: { data: data.data, extensions: this.cost(requested, actual, this.bucket.available) },
    };
  }

  private data(operation: string, v: Record<string, unknown>): { data: unknown } | { errors: unknown[] } {
    switch (operation) {
      case 'TailorShop':
        return {
          data: {
            shop: {
              name: this.options.shopName ?? 'Fake Outfitters',
              currencyCode: this.options.currency ?? 'EUR',
            },
          },
        };
      case 'TailorShopLocales':
        return {
          data: {
            shopLocales: [
              { locale: this.options.locale ?? 'en', primary: true },
              { locale: 'fr', primary: false },
            ],
          },
        };
      case 'TailorProductsCount':
        return {
          data: { productsCount: { count: this.filter(this.products, v.query).length, precision: 'EXACT' } },
        };
      case 'TailorCustomersCount':
        return {
          data: {
            customersCount: { count: this.filter(this.customers, v.query).length, precision: 'EXACT' },
          },
        };
      case 'TailorOrdersCount':
        return {
          data: { ordersCount: { count: this.filter(this.orders, v.query).length, precision: 'EXACT' } },
        };
      case 'TailorProducts':
        return { data: { products: this.page(this.products, v) } };
      case 'TailorCustomers':
        return { data: { customers: this.page(this.customers, v) } };
      case 'TailorOrders':
        return { data: { orders: this.page(this.orders, v) } };
      case 'TailorOrderLines': {
        const order = this.orders.find((o) => o.node.id === v.id);
        const all = (order?.node.__allLines as unknown[]) ?? [];
        const start = v.after ? decodeCursor(v.after) + 1 : 0;
        const nodes = all.slice(start, start + 100);
        const end = start + nodes.length - 1;
        return {
          data: {
            order: order
              ? {
                  lineItems: {
                    pageInfo: { hasNextPage: end < all.length - 1, endCursor: encodeCursor(end) },
                    nodes,
                  },
                }
              : null,
          },
        };
      }
      default:
        return {
          errors: [
            {
              message: `Field '${operation}' doesn't exist on type 'QueryRoot'`,
              extensions: { code: 'undefinedField' },
            },
          ],
        };
    }
  }

  /** Items matching `updated_at:>'…'`, oldest update first (sortKey: UPDATED_AT). */
  private filter(items: Item[], query: unknown): Item[] {
    const m = typeof query === 'string' ? /updated_at:>'([^']+)'/.exec(query) : null;
    const after = m ? Date.parse(m[1]!) : null;
    return items
      .filter((i) => after === null || Date.parse(i.updatedAt) > after)
      .sort(
        (a, b) =>
          a.updatedAt.localeCompare(b.updatedAt) || String(a.node.id).localeCompare(String(b.node.id)),
      );
  }

  private page(items: Item[], v: Record<string, unknown>) {
    const list = this.filter(items, v.query);
    const first = Number(v.first ?? 50);
    const start = v.after ? decodeCursor(v.after) + 1 : 0;
    const slice = list.slice(start, start + first);
    const end = start + slice.length - 1;
    return {
      pageInfo: { hasNextPage: end < list.length - 1, endCursor: slice.length ? encodeCursor(end) : null },
      nodes: slice.map((i) => publicNode(i.node)),
    };
  }
}

/** Drops the fake's own bookkeeping fields (`__…`) from a node. */
function publicNode(node: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !k.startsWith('__')));
}
