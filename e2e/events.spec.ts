import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

/**
 * The events API end to end: keys made in the UI, batches over HTTP (the server's fast path),
 * the counts on Data → Quality, publishable keys with CORS, and tenant isolation.
 */

const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

async function createKey(
  page: Page,
  slug: string,
  name: string,
  kind: 'secret' | 'publishable' = 'secret',
  origins = '',
): Promise<string> {
  await page.goto(`/${slug}/api-keys`);
  if (kind === 'publishable') {
    await page.getByRole('radio', { name: /Publishable key/ }).check();
    await page.getByLabel('Allowed origins').fill(origins);
  }
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const label = kind === 'secret' ? 'Secret key' : 'Publishable key';
  const key = await page.getByRole('textbox', { name: label }).inputValue();
  expect(key).toMatch(kind === 'secret' ? /^sk_/ : /^pk_/);
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  return key;
}

function send(request: APIRequestContext, key: string, events: unknown[]) {
  return request.post('/api/v1/events', {
    headers: { Authorization: `Bearer ${key}`, 'User-Agent': BROWSER_UA },
    data: { events },
  });
}

/** The cells of a source's row in the "Ingestion by source" table. */
function sourceRow(page: Page, label: string) {
  return page.getByRole('table', { name: 'Ingestion by source' }).getByRole('row').filter({ hasText: label });
}

/**
 * A source's counts on the Quality page as [accepted, duplicates, rejected, bots], reloading until
 * they equal `expected`: the server writes daily counters every 250 ms, not with each batch.
 */
async function expectSourceCounts(page: Page, slug: string, label: string, expected: string[]) {
  await expect
    .poll(async () => {
      await page.goto(`/${slug}/quality`);
      const row = sourceRow(page, label);
      if ((await row.count()) === 0) return [];
      const cells = await row.getByRole('cell').allTextContents();
      return [cells[1], cells[2], cells[3], cells[5]];
    })
    .toEqual(expected);
}

test('events sent with a key made in the UI are counted on the Quality page', async ({ page, request }) => {
  test.slow(); // a sign-up (argon2), key creation and two accessibility scans
  const owner = await signUp(page, { label: 'events' });

  await page.goto(`/${owner.slug}/quality`);
  await expect(page.getByRole('heading', { level: 1, name: 'Data quality' })).toBeVisible();
  await expect(page.getByText('No data yet')).toBeVisible();
  const example = page.getByRole('region', { name: 'Example: send an event with curl' });
  await expect(example).toContainText(`curl -X POST http://127.0.0.1:`);
  await expect(example).toContainText('/api/v1/events');
  await expect(page.getByRole('link', { name: 'API keys' }).first()).toHaveAttribute(
    'href',
    `/${owner.slug}/api-keys`,
  );
  await expectNoA11yViolations(page);

  const key = await createKey(page, owner.slug, 'Events');
  const now = new Date().toISOString();
  const batch = [
    { type: 'page_view', eventId: 'e2e-1', anonymousId: 'visitor-1', timestamp: now },
    { type: 'search', eventId: 'e2e-2', anonymousId: 'visitor-3', query: 'linen shirt' },
    { type: 'page_view', eventId: 'e2e-3', anonymousId: 'visitor-1', customerId: 'customer-1' },
    { type: 'page_view', eventId: 'e2e-1', anonymousId: 'visitor-1' }, // the same id again
    { type: 'view', eventId: 'e2e-4', anonymousId: 'visitor-2' }, // a view needs a product
    { type: 'page_view', eventId: 'e2e-5', anonymousId: 'v', context: { userAgent: 'Googlebot/2.1' } },
  ];
  const first = await send(request, key, batch);
  expect(first.status()).toBe(202);
  expect(await first.json()).toEqual({
    accepted: 3,
    duplicates: 1,
    rejected: 1,
    bots: 1,
    errors: [
      {
        index: 4,
        eventId: 'e2e-4',
        reason: 'missing_product',
        message: "A view event needs productId (the store's product id).",
      },
    ],
  });
  // A client retrying the whole batch: nothing is stored twice.
  const retry = await send(request, key, batch);
  expect(await retry.json()).toMatchObject({ accepted: 0, duplicates: 4, rejected: 1, bots: 1 });

  // Malformed bodies get a 400 with a message, never a 500.
  const broken = await request.post('/api/v1/events', {
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    data: Buffer.from('{"events": ['), // sent as is (a string would be JSON-encoded)
  });
  expect(broken.status()).toBe(400);
  expect(await broken.json()).toEqual({
    error: { code: 'bad_request', message: 'The body is not valid JSON.' },
  });
  expect((await request.post('/api/v1/events', { data: { events: batch } })).status()).toBe(401);

  // [accepted, duplicates, rejected, bots] over both attempts
  await expectSourceCounts(page, owner.slug, 'Events API (secret key)', ['3', '5', '2', '2']);
  await expect(
    page.getByRole('table', { name: 'Top rejection reasons' }).getByRole('row').filter({
      hasText: 'Product event without productId',
    }),
  ).toContainText('2');
  await expect(page.getByRole('img', { name: 'Accepted per day: Events API (secret key)' })).toBeVisible();
  // visitor-1 identified as customer-1; visitor-3 did not (the rejected and the bot event count for nothing).
  await expect(page.getByText('1 of 2 anonymous ids are linked to a customer')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('a publishable key works only from its allowed origins, with CORS', async ({ page, request }) => {
  const owner = await signUp(page, { label: 'events-pk' });
  const shop = 'https://shop.example';
  const pk = await createKey(page, owner.slug, 'Storefront', 'publishable', shop);
  const url = `/api/v1/events?key=${pk}`;
  const events = [{ type: 'page_view', eventId: 'pk-1', anonymousId: 'browser-1' }];

  const preflight = await request.fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: shop, 'Access-Control-Request-Method': 'POST' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe(shop);
  const foreignPreflight = await request.fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
  });
  expect(foreignPreflight.status()).toBe(403);

  const ok = await request.post(url, {
    headers: { Origin: shop, 'User-Agent': BROWSER_UA },
    data: { events },
  });
  expect(ok.status()).toBe(202);
  expect(ok.headers()['access-control-allow-origin']).toBe(shop);
  expect(await ok.json()).toMatchObject({ accepted: 1 });
  const foreign = await request.post(url, {
    headers: { Origin: 'https://evil.example', 'User-Agent': BROWSER_UA },
    data: { events: [{ ...events[0], eventId: 'pk-2' }] },
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['access-control-allow-origin']).toBeUndefined();
  // A headless client on an allowed origin is filtered as a bot.
  const bot = await request.post(url, {
    headers: { Origin: shop, 'User-Agent': 'HeadlessChrome/124' },
    data: { events: [{ ...events[0], eventId: 'pk-3' }] },
  });
  expect(await bot.json()).toMatchObject({ accepted: 0, bots: 1 });
  // A secret key never travels in a URL.
  expect((await request.post(`/api/v1/events?key=sk_${'A'.repeat(32)}`, { data: { events } })).status()).toBe(
    401,
  );

  await expectSourceCounts(page, owner.slug, 'Storefront (publishable key)', ['1', '0', '0', '1']);
});

test('workspace B’s key cannot write into or read from workspace A through the events API', async ({
  browser,
  request,
}) => {
  test.slow();
  // A: the demo workspace, which has a catalog.
  const a = await (await browser.newContext()).newPage();
  await signIn(a, DEMO.email, DEMO.password);
  const keyA = await createKey(a, DEMO.slug, `events-iso-a-${Date.now()}`);
  const products = await request.get('/api/v1/products?limit=1', {
    headers: { Authorization: `Bearer ${keyA}` },
  });
  const productA = (await products.json()).data[0] as { externalId: string };
  const run = Date.now().toString(36);
  const eventA = {
    type: 'view',
    eventId: `iso-${run}`,
    anonymousId: `iso-visitor-${run}`,
    productId: productA.externalId,
  };
  expect(await (await send(request, keyA, [eventA])).json()).toMatchObject({ accepted: 1 });

  // The demo store sent nothing through the API before: this one event is all A's API count.
  await expectSourceCounts(a, DEMO.slug, 'Events API (secret key)', ['1', '0', '0', '0']);
  await expectNoA11yViolations(a); // a populated page: the demo store's catalog, shoppers and events

  // B: a new merchant with its own key.
  const b = await (await browser.newContext()).newPage();
  const ownerB = await signUp(b, { label: 'events-iso-b' });
  const keyB = await createKey(b, ownerB.slug, 'iso-b');
  // A's product id means nothing in B; A's event id is a new event in B, not a duplicate of A's.
  const inB = await send(request, keyB, [eventA, { ...eventA, productId: undefined, type: 'page_view' }]);
  expect(await inB.json()).toMatchObject({
    accepted: 1,
    duplicates: 0,
    rejected: 1,
    errors: [{ index: 0, reason: 'unknown_product' }],
  });
  // B's dashboard cannot open A's Quality page.
  expect((await b.goto(`/${DEMO.slug}/quality`))?.status()).toBe(404);

  // B sees only its own traffic; A's counts are unchanged by it.
  await expectSourceCounts(b, ownerB.slug, 'Events API (secret key)', ['1', '0', '1', '0']);
  await expectSourceCounts(a, DEMO.slug, 'Events API (secret key)', ['1', '0', '0', '0']);
});
