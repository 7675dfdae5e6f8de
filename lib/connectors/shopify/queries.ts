/**
 * The Admin GraphQL documents the sync sends. Page sizes keep each query's requested cost under
 * the 1,000-point bucket of a standard shop (a connection costs 2 + first × its node's cost).
 */
export const PAGE_SIZES = { products: 25, customers: 100, orders: 8 } as const;
/** Line items read with an order; longer orders fetch the rest with ORDER_LINES_QUERY. */
export const ORDER_LINES_PAGE = 25;

export const SHOP_QUERY = /* GraphQL */ `
  query TailorShop {
    shop { name currencyCode }
  }`;

/** Separate from SHOP_QUERY: it needs the read_locales scope, and a missing scope is not fatal. */
export const SHOP_LOCALES_QUERY = /* GraphQL */ `
  query TailorShopLocales {
    shopLocales { locale primary }
  }`;

export const COUNT_QUERIES = {
  products: /* GraphQL */ `query TailorProductsCount($query: String) { productsCount(query: $query) { count precision } }`,
  customers: /* GraphQL */ `query TailorCustomersCount($query: String) { customersCount(query: $query) { count precision } }`,
  orders: /* GraphQL */ `query TailorOrdersCount($query: String) { ordersCount(query: $query) { count precision } }`,
} as const;

export const PRODUCTS_QUERY = /* GraphQL */ `
  query TailorProducts($first: Int!, $after: String, $query: String) {
    products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id title description vendor productType handle status tags
        createdAt updatedAt publishedAt totalInventory
        category { fullName }
        priceRangeV2 { minVariantPrice { amount currencyCode } }
        variants(first: 10) { nodes { id sku price compareAtPrice } }
        images(first: 5) { nodes { url } }
      }
    }
  }`;

export const CUSTOMERS_QUERY = /* GraphQL */ `
  query TailorCustomers($first: Int!, $after: String, $query: String) {
    customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id email firstName lastName locale state tags createdAt updatedAt
        defaultAddress { countryCodeV2 }
      }
    }
  }`;

const ORDER_LINE_FIELDS =
  'id title quantity product { id } originalUnitPriceSet { shopMoney { amount currencyCode } }';

export const ORDERS_QUERY = /* GraphQL */ `
  query TailorOrders($first: Int!, $after: String, $query: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id name createdAt processedAt updatedAt cancelledAt displayFinancialStatus currencyCode
        totalPriceSet { shopMoney { amount currencyCode } }
        customer { id }
        shippingAddress { countryCodeV2 }
        billingAddress { countryCodeV2 }
        refunds(first: 5) { totalRefundedSet { shopMoney { amount } } }
        lineItems(first: ${ORDER_LINES_PAGE}) {
          pageInfo { hasNextPage endCursor }
          nodes { ${ORDER_LINE_FIELDS} }
        }
      }
    }
  }`;

export const ORDER_LINES_QUERY = /* GraphQL */ `
  query TailorOrderLines($id: ID!, $after: String) {
    order(id: $id) {
      lineItems(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${ORDER_LINE_FIELDS} }
      }
    }
  }`;

export const PAGE_QUERIES = { products: PRODUCTS_QUERY, customers: CUSTOMERS_QUERY, orders: ORDERS_QUERY };

/** The search filter of an incremental run: `updated_at:>'2024-05-01T10:00:00Z'`. */
export function updatedSince(since: Date | null): string | null {
  return since ? `updated_at:>'${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}'` : null;
}
