import { gzipSync } from 'node:zlib';
import type { APIRequestContext } from '@playwright/test';
import {
  flakyEvents,
  localTailorKeys,
  marker,
  queuedIds,
  rendered,
  tailor,
  widgetLinks,
  widgetLook,
} from './storefront/page';
import { type Storefront, startStorefront } from './storefront/server';
import {
  captureTraffic,
  createPublishableKey,
  type RecAnswer,
  recFor,
  recordCspViolations,
  resend,
  type SentEvent,
  type Traffic,
  uniqueEvents,
} from './storefront/traffic';
import { DEMO, expect, signIn, test } from './fixtures';

/**
 * The storefront snippet end to end (issue 4): a German storefront on another origin, under a
 * strict CSP, installs /t.js with a publishable key of the demo store (which has products and a
 * trained model). Checks what renders, what is sent and stored, consent, DNT/GPC, retries,
 * hostile CSS, keyboard access and the size budgets.
 */

let store: Storefront;
let key = '';
let appOrigin = '';
/** A demo product that sells (the first trending item), for the product page. */
let sku = '';

/** The direct API call a widget makes, from the storefront's origin. */
async function recommend(request: APIRequestContext, params: Record<string, string>): Promise<RecAnswer> {
  const qs = new URLSearchParams({ key, ...params });
  const res = await request.get(`${appOrigin}/api/v1/recommendations?${qs}`, {
    headers: { Origin: store.origin },
  });
  expect(res.status(), await res.text().catch(() => '')).toBe(200);
  return (await res.json()) as RecAnswer;
}

/** Waits until the browser has seen an accepted event matching `pred`; returns it. */
async function acceptedEvent(traffic: Traffic, pred: (e: SentEvent) => boolean, what: string) {
  await expect
    .poll(() => traffic.accepted().some(pred), { message: `${what} is sent and answered 202` })
    .toBe(true);
  return traffic.accepted().find(pred) as SentEvent;
}

test.beforeAll(async ({ browser }, info) => {
  appOrigin = new URL(String(info.project.use.baseURL)).origin;
  store = await startStorefront({ appOrigin });
  const context = await browser.newContext({ baseURL: appOrigin });
  const page = await context.newPage();
  await signIn(page, DEMO.email, DEMO.password);
  key = await createPublishableKey(
    page,
    DEMO.slug,
    `storefront-e2e-w${info.workerIndex}-${Date.now()}`,
    store.origin,
  );
  store.setKey(key);
  await context.close();
});

test.afterAll(async () => {
  await store?.close();
});

let cspViolations: () => Promise<string[]>;
let traffic: Traffic;

test.beforeEach(async ({ page, context, request }) => {
  cspViolations = await recordCspViolations(page);
  traffic = await captureTraffic(context, appOrigin);
  if (!sku) {
    const trending = await recommend(request, { placement: 'trending', locale: 'de' });
    sku = trending.items[0]?.externalId ?? '';
    expect(sku, 'the demo store has trending products').not.toBe('');
  }
});

test.afterEach(async () => {
  // Every page ran under the strict policy: nothing the snippet did may have been refused.
  expect(await cspViolations()).toEqual([]);
});

test('the widget renders the products the API returns, formatted for the page language', async ({
  page,
  request,
}) => {
  test.slow(); // the demo's first training may still be running
  const params = { placement: 'product-similar', item: sku, locale: 'de' };
  // Compare against a settled answer: wait for the trained model (the demo trains on start).
  await expect
    .poll(async () => (await recommend(request, params)).model !== null, { timeout: 90_000 })
    .toBe(true);

  await page.goto(store.url(`/product/${encodeURIComponent(sku)}`));
  await rendered(page, 'product-similar');
  const sent = await recFor(
    traffic,
    (r) => r.url.searchParams.get('placement') === 'product-similar',
    'the widget asked for recommendations',
  );
  expect(Object.fromEntries(sent.url.searchParams)).toMatchObject({ key, ...params });

  const direct = await recommend(request, params);
  expect(direct.items.length).toBeGreaterThan(0);
  const links = await widgetLinks(page, 'product-similar');
  expect(links.map((l) => l.id)).toEqual(direct.items.map((i) => i.externalId));
  expect(links.map((l) => l.href)).toEqual(direct.items.map((i) => i.url));

  // Titles as the API gave them for de; prices in German notation (e.g. "12,50 €").
  const expected = await page.evaluate(
    (items) =>
      items.map((i) => {
        const nf = new Intl.NumberFormat('de', { style: 'currency', currency: i.price.currency });
        return {
          title: i.title,
          price: nf.format(i.price.amountMinor / 10 ** (nf.resolvedOptions().maximumFractionDigits ?? 2)),
        };
      }),
    direct.items,
  );
  for (const [i, link] of links.entries()) {
    expect(link.text).toContain(expected[i]!.title);
    expect(link.text).toContain(expected[i]!.price);
  }
  const euro = direct.items.find((i) => i.price.currency === 'EUR' && i.price.amountMinor % 100 !== 0);
  if (euro) expect(links.find((l) => l.id === euro.externalId)?.text).toMatch(/\d,\d\d\s€/);
});

test('page views, views, impressions and clicks are sent, answered 202 and stored', async ({
  page,
  request,
}) => {
  await page.goto(store.url(`/product/${encodeURIComponent(sku)}`));
  await rendered(page, 'product-similar');
  await acceptedEvent(traffic, (e) => e.type === 'page_view', 'page_view');
  const view = await acceptedEvent(traffic, (e) => e.type === 'view', 'view');
  expect(view.productId).toBe(sku);
  const impression = await acceptedEvent(traffic, (e) => e.type === 'rec_impression', 'rec_impression');
  expect(impression.context?.placement).toBe('product-similar');

  // Click the first product; keep the page here (the demo's product URLs are not served offline).
  await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
  const first = marker(page, 'product-similar').locator('a[data-product-id]').first();
  const clicked = await first.getAttribute('data-product-id');
  await first.click();
  const click = await acceptedEvent(traffic, (e) => e.type === 'rec_click', 'rec_click');
  expect(click.productId).toBe(clicked);
  expect(click.context?.placement).toBe('product-similar');

  for (const post of traffic.posts.filter((p) => p.status !== null)) {
    expect(post.status).toBe(202);
    expect(post.answer).toMatchObject({ rejected: 0, bots: 0 });
  }
  expect(traffic.posts.reduce((n, p) => n + (p.answer?.accepted ?? 0), 0)).toBeGreaterThanOrEqual(4);
  // Stored: sending the same event ids again finds every one of them already in the database.
  const events = uniqueEvents(traffic.accepted());
  expect(await resend(request, appOrigin, key, store.origin, events)).toMatchObject({
    accepted: 0,
    duplicates: events.length,
    rejected: 0,
  });
});

test('without consent: no identifiers, nothing stored in the browser, non-personal results', async ({
  page,
  context,
}) => {
  await page.goto(store.url('/?utm_source=mail&email=someone%40example.test#top'));
  await rendered(page, 'home-for-you');
  const pv = await acceptedEvent(traffic, (e) => e.type === 'page_view', 'page_view');
  await acceptedEvent(traffic, (e) => e.type === 'rec_impression', 'rec_impression');

  expect(pv.context?.url).toBe(store.url('/')); // no query string, no hash
  for (const e of traffic.posts.flatMap((p) => p.events)) {
    expect(e).not.toHaveProperty('anonymousId');
    expect(e).not.toHaveProperty('customerId');
    expect(e.context).not.toHaveProperty('referrer');
    expect(e.consent?.analytics).toBe(false);
  }
  const rec = await recFor(
    traffic,
    (r) => r.url.searchParams.get('placement') === 'home-for-you',
    'the home widget asked for recommendations',
  );
  expect(rec?.url.searchParams.has('visitor')).toBe(false);
  expect(rec?.url.searchParams.has('recent')).toBe(false);
  expect(rec?.answer?.items.length).toBeGreaterThan(0);
  expect(rec?.answer?.variant === undefined || rec?.answer?.scenario === 'trending').toBe(true);
  expect(await localTailorKeys(page)).toEqual([]);
  expect(await context.cookies(store.origin)).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('with consent: an anonymous id on events, visitor= on requests, a variant in the answer', async ({
  page,
}) => {
  await page.goto(store.url('/'));
  await rendered(page, 'home-for-you');
  await tailor(page, 'consent', { analytics: true, personalization: true });
  await tailor(page, 'refresh');

  const aid = await page.evaluate(() => localStorage.getItem('tailor.aid'));
  expect(aid).toBeTruthy();
  expect(JSON.parse(aid!)).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  await expect
    .poll(() => traffic.recs.find((r) => r.url.searchParams.has('visitor'))?.answer ?? null)
    .not.toBeNull();
  const personal = traffic.recs.find((r) => r.url.searchParams.has('visitor'))!;
  expect(personal.url.searchParams.get('visitor')).toBe(JSON.parse(aid!));
  expect(['personalized', 'holdout']).toContain(personal.answer?.variant);

  await tailor(page, 'identify', 'customer-e2e-1');
  await tailor(page, 'track', 'search', { query: 'leinen' });
  const search = await acceptedEvent(traffic, (e) => e.type === 'search', 'search with consent');
  expect(search.anonymousId).toBe(JSON.parse(aid!));
  expect(search.customerId).toBe('customer-e2e-1');
  expect(search.consent).toMatchObject({ analytics: true, personalization: true });

  // Withdrawing consent deletes everything at once.
  await tailor(page, 'consent', { analytics: false, personalization: false });
  expect(await localTailorKeys(page)).toEqual([]);
});

for (const [signal, script] of [
  [
    'Global Privacy Control',
    () => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  ],
  ['Do Not Track', () => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })],
] as const) {
  test(`${signal} overrides a consent call`, async ({ page }) => {
    await page.addInitScript(script);
    await page.goto(store.url('/'));
    await rendered(page, 'home-for-you');
    await tailor(page, 'consent', { analytics: true, personalization: true });
    await tailor(page, 'refresh');
    await expect.poll(() => traffic.recs.length).toBeGreaterThanOrEqual(2); // the refresh asked again
    await tailor(page, 'track', 'search', { query: 'leinen' });
    const search = await acceptedEvent(traffic, (e) => e.type === 'search', 'search');
    expect(search).not.toHaveProperty('anonymousId');
    expect(search.consent?.analytics).toBe(false);
    for (const r of traffic.recs) expect(r.url.searchParams.has('visitor')).toBe(false);
    expect(await localTailorKeys(page)).toEqual([]);
  });
}

test('a failed events request is retried with the same event ids', async ({ page, context, request }) => {
  const failedIds = await flakyEvents(context, appOrigin, (n) => n === 1);
  await page.goto(store.url(`/product/${encodeURIComponent(sku)}`));
  await expect.poll(() => failedIds.length).toBeGreaterThan(0);
  await expect
    .poll(() => {
      const ok = new Set(traffic.accepted().map((e) => e.eventId));
      return failedIds.every((id) => ok.has(id));
    })
    .toBe(true);
  await expect.poll(async () => (await queuedIds(page)).filter((id) => failedIds.includes(id))).toEqual([]);
  const retried = uniqueEvents(traffic.accepted()).filter((e) => failedIds.includes(e.eventId));
  expect(await resend(request, appOrigin, key, store.origin, retried)).toMatchObject({
    accepted: 0,
    duplicates: failedIds.length,
  });
});

test('events that could not be sent survive a page change and arrive from the next page', async ({
  page,
  context,
  request,
}) => {
  let offline = true;
  const failedIds = await flakyEvents(context, appOrigin, () => offline);
  // The browser refuses beacons here, so the queue in sessionStorage is the only way across.
  await page.addInitScript(() => {
    Navigator.prototype.sendBeacon = () => false;
  });
  await page.goto(store.url(`/product/${encodeURIComponent(sku)}`));
  await expect.poll(() => failedIds.length).toBeGreaterThan(0);
  const lost = [...new Set(failedIds)];
  expect(await queuedIds(page)).toEqual(expect.arrayContaining(lost));

  await page.getByRole('link', { name: 'Weiter einkaufen' }).click();
  await page.waitForURL(store.url('/other'));
  offline = false;
  await expect
    .poll(() => {
      const ok = new Set(traffic.accepted().map((e) => e.eventId));
      return lost.filter((id) => !ok.has(id));
    })
    .toEqual([]);
  const events = uniqueEvents(traffic.accepted()).filter((e) => lost.includes(e.eventId));
  expect(await resend(request, appOrigin, key, store.origin, events)).toMatchObject({
    accepted: 0,
    duplicates: lost.length,
  });
});

test('a hostile page stylesheet does not change the widget, under a strict CSP', async ({ page }) => {
  await page.goto(store.url(`/product/${encodeURIComponent(sku)}`));
  await rendered(page, 'product-similar');
  const clean = await widgetLook(page, 'product-similar');
  expect(clean.section?.display).not.toBe('none');
  expect(clean.link?.color).not.toBe('rgb(255, 0, 0)');

  await page.goto(store.url(`/product/${encodeURIComponent(sku)}?hostile=1`));
  await rendered(page, 'product-similar');
  // The hostile sheet is really applied to the page around the widget.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(255, 0, 0)');
  expect(await widgetLook(page, 'product-similar')).toEqual(clean);
  await expect(page.getByRole('region').first()).toBeVisible();
});

test('the widget is a named region whose product links are reachable with Tab', async ({ page }) => {
  await page.goto(store.url(`/product/${encodeURIComponent(sku)}`));
  await rendered(page, 'product-similar');
  const { answer } = await recFor(
    traffic,
    (r) => r.url.searchParams.get('placement') === 'product-similar',
    'the widget asked for recommendations',
  );
  const name = answer?.widget?.title || 'Recommended products';
  await expect(page.getByRole('region', { name, exact: true })).toBeVisible();

  let reached: string | null = null;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return host?.hasAttribute('data-tailor-placement') && inner?.matches('a[data-product-id]')
        ? inner.getAttribute('data-product-id')
        : null;
    });
  }
  expect(reached, 'Tab reaches a product link inside the widget').toBe(answer?.items[0]?.externalId);
});

test('the served loader and bundle stay within their gzip budgets', async ({ request }) => {
  const loader = await request.get(`${appOrigin}/t.js`);
  const bundle = await request.get(`${appOrigin}/tailor.js`);
  expect(loader.status()).toBe(200);
  expect(bundle.status()).toBe(200);
  expect(loader.headers()['content-type']).toMatch(/javascript/);
  const loaderGz = gzipSync(await loader.body(), { level: 9 }).length;
  const bundleGz = gzipSync(await bundle.body(), { level: 9 }).length;
  test
    .info()
    .annotations.push({ type: 'sizes', description: `t.js ${loaderGz} B gz, tailor.js ${bundleGz} B gz` });
  expect(loaderGz).toBeLessThan(1024);
  expect(bundleGz).toBeLessThan(5 * 1024);
  // No eval, no Function constructor, no HTML parsing: it must run under a strict CSP.
  const code = (await bundle.text()) + (await loader.text());
  expect(code).not.toMatch(/\beval\(|new Function\b|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});
