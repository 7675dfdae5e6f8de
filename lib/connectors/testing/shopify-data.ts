/**
 * Shopify-shaped test data: Admin GraphQL nodes for the fake shop and REST-shaped webhook
 * bodies, with numeric ids 1001… (products), 2001… (customers), 3001… (orders).
 */
export const OLD = '2024-01-15T10:00:00Z';

export const productGid = (n: number) => `gid://shopify/Product/${1000 + n}`;
export const customerGid = (n: number) => `gid://shopify/Customer/${2000 + n}`;
export const orderGid = (n: number) => `gid://shopify/Order/${3000 + n}`;

export function gqlProduct(n: number, over: Record<string, unknown> = {}) {
  const price = (10 + n).toFixed(2);
  return {
    id: productGid(n),
    title: `Linen shirt ${n}`,
    description: `A light linen shirt, number ${n}.`,
    vendor: 'Fake Mills',
    productType: 'Shirts',
    handle: `linen-shirt-${n}`,
    status: 'ACTIVE',
    tags: ['linen', 'summer'],
    createdAt: OLD,
    updatedAt: OLD,
    publishedAt: OLD,
    totalInventory: 5 + n,
    category: { fullName: 'Apparel & Accessories > Clothing > Shirts' },
    priceRangeV2: { minVariantPrice: { amount: price, currencyCode: 'EUR' } },
    variants: { nodes: [{ id: `gid://shopify/ProductVariant/${9000 + n}`, sku: `SKU-${n}`, price }] },
    images: { nodes: [{ url: `https://cdn.example.test/p/${n}.jpg` }] },
    ...over,
  };
}

export function gqlCustomer(n: number, over: Record<string, unknown> = {}) {
  return {
    id: customerGid(n),
    email: `Customer${n}@Example.test`,
    firstName: 'Ada',
    lastName: `Number${n}`,
    locale: 'en',
    state: 'ENABLED',
    tags: [],
    createdAt: OLD,
    updatedAt: OLD,
    defaultAddress: { countryCodeV2: 'DE' },
    ...over,
  };
}

export function gqlLine(id: number, product: number, quantity = 1, amount = '11.00') {
  return {
    id: `gid://shopify/LineItem/${id}`,
    title: `Linen shirt ${product}`,
    quantity,
    product: { id: productGid(product) },
    originalUnitPriceSet: { shopMoney: { amount, currencyCode: 'EUR' } },
  };
}

export function gqlOrder(n: number, over: Record<string, unknown> = {}) {
  return {
    id: orderGid(n),
    name: `#${1000 + n}`,
    createdAt: OLD,
    processedAt: OLD,
    updatedAt: OLD,
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    currencyCode: 'EUR',
    totalPriceSet: { shopMoney: { amount: '22.00', currencyCode: 'EUR' } },
    customer: { id: customerGid(1) },
    shippingAddress: { countryCodeV2: 'FR' },
    billingAddress: null,
    refunds: [],
    lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [gqlLine(n * 10, 1, 2, '11.00')] },
    ...over,
  };
}

/** A products/update webhook body (REST shape). */
export function restProduct(n: number, over: Record<string, unknown> = {}) {
  return {
    id: 1000 + n,
    title: `Linen shirt ${n}`,
    body_html: `<p>A light <b>linen</b> shirt, number ${n}.</p>`,
    vendor: 'Fake Mills',
    product_type: 'Shirts',
    handle: `linen-shirt-${n}`,
    status: 'active',
    tags: 'linen, summer',
    created_at: OLD,
    updated_at: OLD,
    published_at: OLD,
    variants: [
      { id: 9000 + n, sku: `SKU-${n}`, price: (12 + n).toFixed(2), inventory_quantity: 3 },
      { id: 9500 + n, sku: `SKU-${n}-L`, price: (14 + n).toFixed(2), inventory_quantity: 2 },
    ],
    images: [{ id: 1, src: `https://cdn.example.test/p/${n}.jpg` }],
    ...over,
  };
}

/** An orders/create webhook body (REST shape). */
export function restOrder(n: number, over: Record<string, unknown> = {}) {
  return {
    id: 3000 + n,
    name: `#${1000 + n}`,
    created_at: OLD,
    processed_at: OLD,
    cancelled_at: null,
    financial_status: 'paid',
    currency: 'EUR',
    total_price: '30.00',
    customer: { id: 2001, email: 'customer1@example.test' },
    shipping_address: { country_code: 'DE' },
    line_items: [
      { id: 77, product_id: 1001, variant_id: 9001, title: 'Linen shirt 1', quantity: 3, price: '10.00' },
    ],
    refunds: [],
    ...over,
  };
}
