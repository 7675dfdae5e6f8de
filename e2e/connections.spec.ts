// Settings → Connections against a fake WooCommerce store started by the spec on 127.0.0.1.
// The server must accept local store addresses: the e2e config sets TAILOR_ALLOW_LOCAL_STORES=true.
import {
  FakeWooCommerce,
  WOO_OLD,
  wooCustomer,
  wooOrder,
  wooProduct,
} from '../lib/connectors/testing/fake-woocommerce';
import { expect, expectNoA11yViolations, signUp, test } from './fixtures';

const store = new FakeWooCommerce({ siteName: 'E2E Mug Shop' });
let origin = '';

test.beforeAll(async () => {
  origin = await store.start();
  for (let i = 1; i <= 3; i++) store.items.products.push(wooProduct(i, { name: `E2E mug ${i}` }));
  store.items.customers.push(wooCustomer(1));
  store.items.orders.push(wooOrder(1));
});
test.afterAll(() => store.stop());

test('an owner connects a WooCommerce store, syncs it and removes it', async ({ page }) => {
  test.setTimeout(120_000); // two background syncs, each seen through the page's 3 s refresh
  const owner = await signUp(page, { label: 'connections' });
  await page.goto(`/${owner.slug}/connections`);
  await expect(page.getByRole('heading', { level: 1, name: 'Connections' })).toBeVisible();
  await expect(page.getByText('No store connected yet')).toBeVisible();
  await expectNoA11yViolations(page);

  // Clear errors for an empty form and for a store that is not on https.
  const woo = page.getByRole('form', { name: 'WooCommerce' });
  await woo.getByRole('button', { name: 'Connect WooCommerce' }).click();
  await expect(
    woo.getByText('Enter the address of your store, e.g. https://shop.example.com.'),
  ).toBeVisible();
  await expect(woo.getByText('Enter the consumer key.')).toBeVisible();
  await woo.getByLabel('Store URL').fill('http://shop.example.com');
  await woo.getByLabel('Consumer key').fill('key-without-prefix');
  await woo.getByRole('button', { name: 'Connect WooCommerce' }).click();
  await expect(woo.getByText(/must use https/)).toBeVisible();
  await expect(woo.getByText('A consumer key starts with ck_.')).toBeVisible();

  // Wrong keys: the store refuses them, nothing is saved.
  await woo.getByLabel('Store URL').fill(origin);
  await woo.getByLabel('Consumer key').fill(store.consumerKey);
  await woo.getByLabel('Consumer secret').fill('cs_wrong');
  await woo.getByRole('button', { name: 'Connect WooCommerce' }).click();
  await expect(
    woo.getByText(/^Could not connect to the store: WooCommerce rejected the consumer key/),
  ).toBeVisible();

  await woo.getByLabel('Consumer secret').fill(store.consumerSecret);
  await woo.getByLabel('Webhook secret (optional)').fill('e2e webhook secret');
  await woo.getByRole('button', { name: 'Connect WooCommerce' }).click();
  await expect(woo.getByRole('status')).toContainText(
    'Connected “E2E Mug Shop”. The first sync has started.',
  );

  // The first (full) sync runs in the background; the page refreshes itself while it runs.
  const panel = page.getByRole('article', { name: 'E2E Mug Shop' });
  await expect(panel.getByText('3 products · 1 customer · 1 order')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText('Active', { exact: true })).toBeVisible();
  await expect(panel.getByText(/^•••• saved on /)).toBeVisible();
  await expect(page.getByText(store.consumerSecret)).toHaveCount(0);

  // A new product in the store arrives with "Sync now" (an incremental sync).
  store.items.products.push(
    wooProduct(4, { name: 'E2E mug 4', date_modified_gmt: new Date().toISOString().slice(0, 19) }),
  );
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(panel.getByRole('status')).toBeVisible();
  await expect(panel.getByText('4 products · 1 customer · 1 order')).toBeVisible({ timeout: 30_000 });
  expect(store.log.some((l) => l.params.modified_after && l.params.modified_after > WOO_OLD)).toBe(true);

  // Webhook instructions: the URL to paste and the secret's status.
  await panel.getByText('Webhooks (live updates)').click();
  await expect(panel.getByLabel('Webhook URL')).toHaveValue(/\/api\/webhooks\/woocommerce\/[0-9a-f-]{36}$/);
  await expect(panel.getByText('A webhook secret is saved for this store.')).toBeVisible();
  await expectNoA11yViolations(page);

  // A signed delivery to that URL is accepted; a forged one is refused.
  const url = await panel.getByLabel('Webhook URL').inputValue();
  const forged = await page.request.post(url, {
    headers: {
      'X-WC-Webhook-Signature': 'AAAA',
      'X-WC-Webhook-Topic': 'product.updated',
      'X-WC-Webhook-Delivery-ID': '1',
    },
    data: wooProduct(1),
  });
  expect(forged.status()).toBe(401);

  await panel.getByRole('button', { name: 'Remove E2E Mug Shop' }).click();
  await panel.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByText('No store connected yet')).toBeVisible();
});
