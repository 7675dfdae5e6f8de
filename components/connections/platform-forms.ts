import type { ConnectFormSpec } from './connect-store-form';

/** What a merchant types to connect a Shopify shop (Admin API custom app). */
export const SHOPIFY_FORM: ConnectFormSpec = {
  platform: 'shopify',
  label: 'Shopify',
  fields: [
    {
      name: 'shopDomain',
      label: 'Shop domain',
      hint: 'For example your-shop.myshopify.com.',
      required: true,
      placeholder: 'your-shop.myshopify.com',
    },
    {
      name: 'accessToken',
      label: 'Admin API access token',
      hint: 'Shopify admin → Settings → Apps and sales channels → Develop apps → your app → API credentials. It needs read_products, read_customers and read_orders (read_all_orders for orders older than 60 days).',
      type: 'password',
      required: true,
    },
    {
      name: 'webhookSecret',
      label: 'Webhook signing secret (optional)',
      hint: "The app's API secret key, which signs its webhooks. Without it, live updates are refused; you can add it later.",
      type: 'password',
    },
    { name: 'name', label: 'Name (optional)', hint: "Defaults to the shop's name.", maxLength: 80 },
  ],
};

/** What a merchant types to connect a WooCommerce store (REST API keys). */
export const WOO_FORM: ConnectFormSpec = {
  platform: 'woocommerce',
  label: 'WooCommerce',
  fields: [
    {
      name: 'storeUrl',
      label: 'Store URL',
      hint: 'The address of your WordPress site, starting with https://.',
      type: 'url',
      required: true,
      placeholder: 'https://shop.example.com',
      autoComplete: 'url',
    },
    {
      name: 'consumerKey',
      label: 'Consumer key',
      hint: 'WooCommerce → Settings → Advanced → REST API → Add key, with Read permission. Starts with ck_.',
      required: true,
    },
    {
      name: 'consumerSecret',
      label: 'Consumer secret',
      hint: 'Shown next to the key once. Starts with cs_.',
      type: 'password',
      required: true,
    },
    {
      name: 'webhookSecret',
      label: 'Webhook secret (optional)',
      hint: 'Any secret phrase; enter the same one in each WooCommerce webhook. Needed for live updates.',
      type: 'password',
    },
    { name: 'name', label: 'Name (optional)', hint: "Defaults to the site's name.", maxLength: 80 },
  ],
};
