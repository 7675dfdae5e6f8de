import { type FakeReply, type FakeRequest, type LocalServer, startLocalServer } from './server';

export type WooFault = { status: number; retryAfter?: string };

export interface FakeWooOptions {
  consumerKey?: string;
  consumerSecret?: string;
  siteName?: string;
  currency?: string;
}

type Resource = 'products' | 'customers' | 'orders';

/**
 * A local stand-in for a WooCommerce store's REST API v3 (`/wp-json/wc/v3/…`): JSON arrays with
 * `X-WP-Total` / `X-WP-TotalPages`, `per_page` + `page`, `orderby`, `modified_after`
 * (`dates_are_gmt`), keys by Basic auth or query string. Faults (429, 5xx) can be queued.
 */
export class FakeWooCommerce {
  readonly items: Record<Resource, Record<string, unknown>[]> = { products: [], customers: [], orders: [] };
  readonly log: {
    path: string;
    params: Record<string, string>;
    status: number;
    auth: 'basic' | 'query' | 'none';
  }[] = [];
  readonly faults: WooFault[] = [];
  intercept: ((resource: string, params: Record<string, string>) => FakeReply | undefined) | null = null;
  consumerKey: string;
  consumerSecret: string;
  private server: LocalServer | null = null;

  constructor(private readonly options: FakeWooOptions = {}) {
    this.consumerKey = options.consumerKey ?? 'ck_0123456789abcdef0123456789abcdef01234567';
    this.consumerSecret = options.consumerSecret ?? 'cs_0123456789abcdef0123456789abcdef01234567';
  }

  async start(): Promise<string> {
    this.server = await startLocalServer((req) => this.handle(req));
    return this.server.origin;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  private auth(req: FakeRequest): 'basic' | 'query' | 'none' | 'bad' {
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ')) {
      const [k, s] = Buffer.from(header.slice(6), 'base64').toString().split(':');
      return k === this.consumerKey && s === this.consumerSecret ? 'basic' : 'bad';
    }
    const k = req.url.searchParams.get('consumer_key');
    if (k === null) return 'none';
    return k === this.consumerKey && req.url.searchParams.get('consumer_secret') === this.consumerSecret
      ? 'query'
      : 'bad';
  }

  private handle(req: FakeRequest): FakeReply {
    const path = req.url.pathname;
    const params = Object.fromEntries([...req.url.searchParams].filter(([k]) => !k.startsWith('consumer_')));
    if (path === '/wp-json/' || path === '/wp-json') {
      return {
        status: 200,
        body: {
          name: this.options.siteName ?? 'Fake Woo Store',
          url: 'https://store.example.test',
          namespaces: ['wc/v3'],
        },
      };
    }
    const auth = this.auth(req);
    const reply = this.answer(path, params, auth);
    this.log.push({ path, params, status: reply.status, auth: auth === 'bad' ? 'none' : auth });
    return reply;
  }

  private answer(path: string, params: Record<string, string>, auth: string): FakeReply {
    const fault = this.faults.shift();
    if (fault) {
      return {
        status: fault.status,
        headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
        body: { code: 'rest_error', message: 'Unavailable', data: { status: fault.status } },
      };
    }
    if (auth === 'bad' || auth === 'none') {
      return {
        status: 401,
        body: {
          code: 'woocommerce_rest_cannot_view',
          message: 'Sorry, you cannot list resources.',
          data: { status: 401 },
        },
      };
    }
    if (path === '/wp-json/wc/v3/data/currencies/current') {
      return { status: 200, body: { code: this.options.currency ?? 'EUR', name: 'Euro', symbol: '€' } };
    }
    const m = /^\/wp-json\/wc\/v3\/(products|customers|orders)$/.exec(path);
    if (!m)
      return {
        status: 404,
        body: {
          code: 'rest_no_route',
          message: 'No route was found matching the URL and request method.',
          data: { status: 404 },
        },
      };
    const resource = m[1] as Resource;
    const intercepted = this.intercept?.(resource, params);
    if (intercepted) return intercepted;
    return this.list(resource, params);
  }

  private list(resource: Resource, params: Record<string, string>): FakeReply {
    const perPage = Math.min(100, Number(params.per_page ?? 10));
    const page = Number(params.page ?? 1);
    let list = [...this.items[resource]];
    if (params.modified_after && resource !== 'customers') {
      const after = Date.parse(
        params.dates_are_gmt === 'true' ? `${params.modified_after}Z` : params.modified_after,
      );
      list = list.filter((i) => Date.parse(`${String(i.date_modified_gmt)}Z`) > after);
    }
    if (params.orderby === 'registered_date') {
      list.sort((a, b) => String(a.date_created_gmt).localeCompare(String(b.date_created_gmt)));
    } else {
      list.sort((a, b) => Number(a.id) - Number(b.id));
    }
    if (params.order === 'desc') list.reverse();
    const totalPages = Math.max(1, Math.ceil(list.length / perPage));
    const body = list.slice((page - 1) * perPage, page * perPage);
    return {
      status: 200,
      headers: { 'X-WP-Total': String(list.length), 'X-WP-TotalPages': String(totalPages) },
      body,
    };
  }
}

export const WOO_OLD = '2024-01-15T10:00:00';

export function wooProduct(n: number, over: Record<string, unknown> = {}) {
  return {
    id: 500 + n,
    name: `Ceramic mug ${n}`,
    slug: `ceramic-mug-${n}`,
    type: 'simple',
    status: 'publish',
    description: `<p>A hand-made <em>ceramic</em> mug, number ${n}.</p>`,
    short_description: '',
    sku: `MUG-${n}`,
    price: (8 + n).toFixed(2),
    regular_price: (8 + n).toFixed(2),
    stock_quantity: 10,
    categories: [{ id: 9, name: 'Kitchen', slug: 'kitchen' }],
    tags: [{ id: 3, name: 'gift' }],
    images: [{ id: 1, src: `https://img.example.test/mug-${n}.jpg` }],
    date_created_gmt: WOO_OLD,
    date_modified_gmt: WOO_OLD,
    ...over,
  };
}

export function wooCustomer(n: number, over: Record<string, unknown> = {}) {
  return {
    id: 700 + n,
    email: `buyer${n}@example.test`,
    first_name: 'Grace',
    last_name: `Buyer${n}`,
    role: 'customer',
    username: `buyer${n}`,
    date_created_gmt: WOO_OLD,
    date_modified_gmt: WOO_OLD,
    billing: { country: 'NL', email: `buyer${n}@example.test` },
    shipping: { country: 'NL' },
    ...over,
  };
}

export function wooOrder(n: number, over: Record<string, unknown> = {}) {
  return {
    id: 900 + n,
    number: String(900 + n),
    status: 'completed',
    currency: 'EUR',
    date_created_gmt: WOO_OLD,
    date_modified_gmt: WOO_OLD,
    total: '18.00',
    customer_id: 701,
    billing: { country: 'NL' },
    shipping: { country: 'BE' },
    line_items: [
      {
        id: 1,
        name: 'Ceramic mug 1',
        product_id: 501,
        variation_id: 0,
        quantity: 2,
        price: 9,
        subtotal: '18.00',
      },
    ],
    refunds: [],
    ...over,
  };
}
