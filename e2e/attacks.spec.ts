import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { FakeWooCommerce, wooProduct } from '../lib/connectors/testing/fake-woocommerce';
import { hmacSha256Base64 as signWebhookBody } from '../lib/connectors/hmac';
import { type Account, DEMO, expect, signIn, signUp, test, uniqueEmail } from './fixtures';
import { BROWSER_UA } from './storefront/traffic';

/**
 * The attack suite (issue 7): cross-tenant access, privilege escalation by role, CSRF, forged and
 * replayed webhooks, oversized and malformed payloads, injection strings in text fields, replayed
 * events, API key scopes and the security headers. Every check is a counted probe; the last line
 * printed is `attack suite: N probes, F failures` (F must be 0). One worker runs the file in order
 * so the count covers all of it — which is also why it is one file of ~700 lines, not several.
 */
test.describe.configure({ mode: 'serial' });

const tally = { probes: 0, failures: [] as string[] };

/**
 * One probe: counted, and its failure recorded and printed. The suite's last test fails when any
 * probe failed, so one failed probe never hides the others (serial mode would skip them).
 */
async function probe(name: string, fn: () => unknown): Promise<void> {
  tally.probes += 1;
  try {
    await fn();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const ESC = String.fromCharCode(27); // expect() colours its messages for the terminal
    const plain = text.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')));
    const line = `${name}: ${plain.join('').split('\n').slice(0, 6).join(' ')}`;
    tally.failures.push(line);
    console.log(`✗ probe failed: ${line}`);
  }
}

test.beforeEach(() => {
  test.slow();
});
test.afterAll(() => {
  console.log(`attack suite: ${tally.probes} probes, ${tally.failures.length} failures`);
});

/** A client IP per context: the e2e server trusts X-Forwarded-For, so throttles stay per test. */
const fakeIp = () => `203.0.113.${1 + (randomBytes(1)[0]! % 250)}`;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': fakeIp() } });
  return context.newPage();
}

async function createSecretKey(page: Page, slug: string, name: string, scopes?: string[]): Promise<string> {
  await page.goto(`/${slug}/api-keys`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (scopes) {
    for (const box of await page.getByRole('checkbox').all()) {
      const value = await box.getAttribute('value');
      if (value && !scopes.includes(value)) await box.uncheck();
    }
  }
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
  expect(key).toMatch(/^sk_/);
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  return key;
}

/** The next server-action request `trigger` makes, captured to be replayed by someone else. */
interface CapturedAction {
  url: string;
  action: string;
  contentType: string;
  body: string;
}
async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const request = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await trigger();
  const r = await request;
  const h = r.headers();
  return {
    url: r.url(),
    action: h['next-action'] ?? '',
    contentType: h['content-type'] ?? 'text/plain;charset=UTF-8',
    body: r.postData() ?? '',
  };
}
/** Sends a captured action from `page`'s session (same origin, the page's cookies). */
async function replay(page: Page, a: CapturedAction, body = a.body): Promise<number> {
  return page.evaluate(
    async ({ url, action, contentType, payload }) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'next-action': action, 'content-type': contentType, accept: 'text/x-component' },
        body: payload,
      });
      await res.text();
      return res.status;
    },
    { url: a.url, action: a.action, contentType: a.contentType, payload: body },
  );
}

async function invite(page: Page, owner: Account, email: string, role: string) {
  await page.goto(`/${owner.slug}/members`);
  const form = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Invite a teammate' }) });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role', { exact: true }).selectOption({ label: role });
  const captured = await captureAction(page, () => form.getByRole('button', { name: 'Invite' }).click());
  await expect(form.getByRole('status').filter({ hasText: 'Invitation created for' })).toContainText(email);
  return { link: await form.getByLabel('Invitation link').inputValue(), captured };
}

const INJECTIONS = [
  "Robert'); DROP TABLE products;--",
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '=HYPERLINK("http://evil.example","click")',
  '../../../../etc/passwd',
  'Mallory \u202Etxt.exe \u200B\u2066',
  `{{7*7}} \${7*7} %s%n`,
];

// ─── 1. Security headers and the CSP ──────────────────────────────────────────────────────────

test('security headers on every response and a nonce CSP under which pages hydrate', async ({
  browser,
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ['/sign-in', '/sign-up', '/sign-in']) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = h['content-security-policy'] ?? '';
    const script = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    const nonce = /'nonce-([^']+)'/.exec(script)?.[1] ?? '';
    nonces.add(nonce);
    await probe(`${path}: script-src has a nonce and no unsafe-inline`, () => {
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      expect(script).toContain("'strict-dynamic'");
      expect(script).not.toContain('unsafe-inline');
      expect(script).not.toContain('unsafe-eval');
    });
    await probe(`${path}: no framing, no sniffing, strict referrer, isolated opener`, () => {
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(h['x-frame-options']).toBe('DENY');
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy']).toContain('camera=()');
      expect(h['cross-origin-opener-policy']).toBe('same-origin');
      expect(h['strict-transport-security']).toBeUndefined(); // plain http here
    });
    const html = await res.text();
    await probe(`${path}: every script tag carries the response's nonce`, () => {
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    });
  }
  await probe('a fresh nonce per response', () => expect(nonces.size).toBe(3));

  await probe('HSTS when the client came over https (trusted proxy)', async () => {
    const res = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers()['strict-transport-security']).toContain('max-age=');
    expect(res.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  });
  for (const path of ['/api/health', '/api/v1/ping', '/t.js', '/tailor.js', '/api/v1/workspace']) {
    await probe(`${path}: base headers, and nothing that would stop a shop from using it`, async () => {
      const res = await request.get(path);
      const h = res.headers();
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['x-frame-options']).toBeUndefined();
      expect(h['cross-origin-resource-policy']).toBeUndefined();
    });
  }

  // A real browser: no CSP violation on the way in and around the dashboard, and React hydrates
  // (client state works).
  const page = await newPage(browser);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, DEMO.email, DEMO.password);
  for (const path of ['', '/products', '/segments', '/shoppers', '/settings', '/members', '/api-keys']) {
    await page.goto(`/${DEMO.slug}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await probe('the key form reacts to clicks (hydrated under the CSP)', async () => {
    await page.getByRole('radio', { name: /Publishable key/ }).check();
    await expect(page.getByLabel('Allowed origins')).toBeVisible();
  });
  await probe('no CSP violation while browsing the dashboard', () => expect(violations).toEqual([]));
  await page.context().close();
});

// ─── 2. Cross-tenant access ───────────────────────────────────────────────────────────────────

test("another workspace's pages, ids, API data and actions are not found", async ({ browser, request }) => {
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  const firstId = async (area: string) => {
    await a.goto(`/${DEMO.slug}/${area}`);
    const hrefs = await a
      .locator(`a[href^="/${DEMO.slug}/${area}/"]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
    return hrefs.map((h) => uuid.exec(h)?.[0]).find(Boolean) ?? '';
  };
  const productA = await firstId('products');
  const segmentA = await firstId('segments');
  expect(productA, 'a demo product id').not.toBe('');
  expect(segmentA, 'a demo segment id').not.toBe('');
  await a.context().close();

  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'atk-iso' });
  for (const path of [
    '',
    '/products',
    '/segments',
    '/shoppers',
    '/settings',
    '/members',
    '/api-keys',
    '/audit',
  ]) {
    await probe(`B opens A's ${path || 'overview'}: 404`, async () => {
      const res = await b.request.get(`/${DEMO.slug}${path}`);
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toContain(DEMO.email);
    });
  }
  for (const path of [
    `/products/${productA}`,
    `/segments/${segmentA}`,
    `/segments/${segmentA}/members.csv`,
  ]) {
    await probe(`B opens A's id under B's slug (${path}): 404`, async () => {
      expect((await b.request.get(`/${ownerB.slug}${path}`)).status()).toBe(404);
    });
  }
  const keyB = await createSecretKey(b, ownerB.slug, 'atk-iso');
  for (const path of [
    `/api/v1/products/${productA}`,
    `/api/v1/products/${productA}/similar`,
    `/api/v1/segments/${segmentA}`,
    `/api/v1/segments/${segmentA}/members.csv`,
  ]) {
    await probe(`B's key on A's id ${path}: 404`, async () => {
      const res = await request.get(path, { headers: { Authorization: `Bearer ${keyB}` } });
      expect(res.status()).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    });
  }
  await probe("B's key reads B's workspace, never A's", async () => {
    const res = await request.get('/api/v1/workspace', { headers: { Authorization: `Bearer ${keyB}` } });
    expect((await res.json()).slug).toBe(ownerB.slug);
  });
  await probe("B counts a segment in A's workspace: 404", async () => {
    const res = await b.request.post(`/${DEMO.slug}/segments/count`, { data: { rules: { conditions: [] } } });
    expect(res.status()).toBe(404);
  });
  await probe("B uploads an import into A's workspace: 404", async () => {
    const res = await b.request.post(`/${DEMO.slug}/import/upload?name=x.csv&kind=products`, {
      headers: { 'content-type': 'text/csv' },
      data: 'sku,title,price\nx,X,1\n',
    });
    expect(res.status()).toBe(404);
  });
  await probe("B's settings action forged with A's slug: not found", async () => {
    await b.goto(`/${ownerB.slug}/settings`);
    await b.waitForLoadState('networkidle');
    await b.evaluate((slug) => {
      for (const i of document.querySelectorAll<HTMLInputElement>('form input[type="hidden"][name="tenant"]'))
        i.value = slug;
    }, DEMO.slug);
    await b.getByLabel('Workspace name').fill('Hijacked by B');
    await b.getByRole('button', { name: 'Save settings' }).click();
    await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' }).first()).toBeVisible({
      timeout: 20_000,
    });
  });
  await b.context().close();
  await probe("A's workspace name is unchanged", async () => {
    const a2 = await newPage(browser);
    await signIn(a2, DEMO.email, DEMO.password);
    await expect(a2.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(a2.getByText('Hijacked by B')).toHaveCount(0);
    await a2.context().close();
  });
});

// ─── 3. Privilege escalation by role, and CSRF ───────────────────────────────────────────────

test('a viewer cannot replay admin actions or raise their own role; cross-site writes are refused', async ({
  browser,
}) => {
  const owner = await newPage(browser);
  const o = await signUp(owner, { label: 'atk-roles', name: 'Otto Owner' });
  const viewerEmail = uniqueEmail('atk-viewer');
  const { link, captured: inviteCall } = await invite(owner, o, viewerEmail, 'Viewer');

  // The owner's own calls, captured: create a key, change a member's role.
  await owner.goto(`/${o.slug}/api-keys`);
  await owner.getByLabel('Name', { exact: true }).fill('atk-owner-key');
  const createKey = await captureAction(owner, () =>
    owner.getByRole('button', { name: 'Create key' }).click(),
  );
  await owner.getByRole('button', { name: 'Done, I have copied it' }).click();

  const viewer = await newPage(browser);
  await signUp(viewer, { email: viewerEmail, name: 'Vera Viewer', label: 'atk-viewer' });
  await viewer.goto(link);
  await viewer.getByRole('button', { name: 'Accept invitation' }).click();
  await viewer.waitForURL((u) => u.pathname === `/${o.slug}`);

  await owner.goto(`/${o.slug}/members`);
  await owner.getByLabel('Role for Vera Viewer', { exact: true }).selectOption('analyst');
  const setRole = await captureAction(owner, () =>
    owner.getByRole('button', { name: 'Save role for Vera Viewer' }).click(),
  );
  await expect(owner.getByRole('status').filter({ hasText: 'Role saved.' })).toBeVisible();
  await owner.getByLabel('Role for Vera Viewer', { exact: true }).selectOption('viewer');
  await owner.getByRole('button', { name: 'Save role for Vera Viewer' }).click();
  await expect(owner.getByRole('status').filter({ hasText: 'Role saved.' })).toBeVisible();

  await viewer.goto(`/${o.slug}/api-keys`);
  await probe('the viewer sees no key form', async () => {
    await expect(viewer.getByText('Only owners and admins manage API keys')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Create key' })).toHaveCount(0);
  });
  await probe("the viewer replays the owner's create-key call: no key", async () => {
    await replay(viewer, createKey);
    await owner.goto(`/${o.slug}/api-keys`);
    // Exactly one row: the owner's own key (the Revoke cell's name also mentions it).
    await expect(owner.getByRole('cell', { name: 'atk-owner-key', exact: true })).toHaveCount(1);
  });
  const other = uniqueEmail('atk-other');
  await probe("the viewer replays the owner's invite for another address: no invitation", async () => {
    await replay(viewer, inviteCall, inviteCall.body.replace(viewerEmail, other));
    await owner.goto(`/${o.slug}/members`);
    await expect(owner.getByText(other)).toHaveCount(0);
  });
  for (const role of ['analyst', 'owner', 'admin']) {
    await probe(`the viewer makes themself ${role}: refused`, async () => {
      await replay(viewer, setRole, setRole.body.replaceAll('analyst', role));
      await owner.goto(`/${o.slug}/members`);
      await expect(owner.getByLabel('Role for Vera Viewer', { exact: true })).toHaveValue('viewer');
    });
  }
  await probe('the viewer uploads an import (needs data.write): 403', async () => {
    const res = await viewer.request.post(`/${o.slug}/import/upload?name=x.csv&kind=products`, {
      headers: { 'content-type': 'text/csv' },
      data: 'sku,title,price\nx,X,1\n',
    });
    expect(res.status()).toBe(403);
  });

  // CSRF: the owner's cookie, sent by another site.
  const upload = (headers: Record<string, string>) =>
    owner.request.post(`/${o.slug}/import/upload?name=x.csv&kind=products`, {
      headers: { 'content-type': 'text/csv', ...headers },
      data: 'sku,title,price\nx,X,1\n',
    });
  await probe('a cross-site upload with the session cookie (Origin): 403', async () => {
    const res = await upload({ origin: 'https://evil.example' });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });
  await probe('a cross-site upload (Sec-Fetch-Site): 403', async () => {
    expect((await upload({ 'sec-fetch-site': 'cross-site' })).status()).toBe(403);
  });
  await probe('an opaque-origin upload (sandboxed frame): 403', async () => {
    expect((await upload({ origin: 'null' })).status()).toBe(403);
  });
  await probe('a cross-site segment count: 403', async () => {
    const res = await owner.request.post(`/${o.slug}/segments/count`, {
      headers: { origin: 'https://evil.example' },
      data: { rules: { conditions: [] } },
    });
    expect(res.status()).toBe(403);
  });
  await probe('the same upload from our own origin: 201', async () => {
    const base = new URL(owner.url()).origin;
    expect((await upload({ origin: base, 'sec-fetch-site': 'same-origin' })).status()).toBe(201);
  });
  await owner.context().close();
  await viewer.context().close();
});

// ─── 4. Forged and replayed webhooks ──────────────────────────────────────────────────────────

test('forged webhooks are refused; a replayed delivery is processed once', async ({ browser, request }) => {
  const store = new FakeWooCommerce({ siteName: 'Attack Mug Shop' });
  const storeOrigin = await store.start();
  store.items.products.push(wooProduct(1, { name: 'Attack mug 1' }));
  try {
    const page = await newPage(browser);
    const owner = await signUp(page, { label: 'atk-hook' });
    await page.goto(`/${owner.slug}/connections`);
    const woo = page.getByRole('form', { name: 'WooCommerce' });
    await woo.getByLabel('Store URL').fill(storeOrigin);
    await woo.getByLabel('Consumer key').fill(store.consumerKey);
    await woo.getByLabel('Consumer secret').fill(store.consumerSecret);
    const secret = `atk-${randomBytes(8).toString('hex')}`;
    await woo.getByLabel('Webhook secret (optional)').fill(secret);
    await woo.getByRole('button', { name: 'Connect WooCommerce' }).click();
    const panel = page.getByRole('article', { name: 'Attack Mug Shop' });
    await expect(panel).toBeVisible({ timeout: 30_000 });
    await panel.getByText('Webhooks (live updates)').click();
    const url = await panel.getByLabel('Webhook URL').inputValue();
    const path = new URL(url).pathname;

    const body = JSON.stringify(wooProduct(2, { name: 'Attack mug 2' }));
    const signed = (s: string, delivery: string, extra: Record<string, string> = {}) =>
      request.post(path, {
        headers: {
          'content-type': 'application/json',
          'x-wc-webhook-signature': signWebhookBody(s, body),
          'x-wc-webhook-topic': 'product.updated',
          'x-wc-webhook-delivery-id': delivery,
          ...extra,
        },
        data: body,
      });
    await probe('webhook without a signature: 401', async () => {
      const res = await request.post(path, {
        headers: { 'x-wc-webhook-topic': 'product.updated', 'x-wc-webhook-delivery-id': '1' },
        data: body,
      });
      expect(res.status()).toBe(401);
    });
    await probe('webhook signed with another secret: 401', async () => {
      expect((await signed('not-the-secret', '2')).status()).toBe(401);
    });
    await probe('webhook with a garbage signature: 401', async () => {
      expect((await signed(secret, '3', { 'x-wc-webhook-signature': '!!!' })).status()).toBe(401);
    });
    await probe('webhook whose body was changed after signing: 401', async () => {
      const res = await request.post(path, {
        headers: {
          'x-wc-webhook-signature': signWebhookBody(secret, body),
          'x-wc-webhook-topic': 'product.updated',
          'x-wc-webhook-delivery-id': '4',
        },
        data: body.replace('Attack mug 2', 'Tampered'),
      });
      expect(res.status()).toBe(401);
    });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '..%2F..%2Fetc%2Fpasswd']) {
      await probe(`webhook for a connection that is not this one (${id}): 404`, async () => {
        const res = await request.post(`/api/webhooks/woocommerce/${id}`, {
          headers: {
            'x-wc-webhook-signature': signWebhookBody(secret, body),
            'x-wc-webhook-topic': 'product.updated',
            'x-wc-webhook-delivery-id': '5',
          },
          data: body,
        });
        expect(res.status()).toBe(404);
      });
    }
    await probe("the connection's id on the Shopify route (another platform): 404", async () => {
      const id = path.split('/').pop() ?? '';
      const res = await request.post(`/api/webhooks/shopify/${id}`, {
        headers: { 'x-shopify-hmac-sha256': signWebhookBody(secret, body), 'x-shopify-webhook-id': 'x' },
        data: body,
      });
      expect(res.status()).toBe(404);
    });
    await probe('signed webhook without a delivery id: 400', async () => {
      expect((await signed(secret, '', { 'x-wc-webhook-delivery-id': '' })).status()).toBe(400);
    });
    const delivery = `atk-${Date.now()}`;
    await probe('a signed delivery is applied once; its replay is a duplicate', async () => {
      const first = await signed(secret, delivery);
      expect(first.status()).toBe(200);
      expect((await first.json()).result).not.toBe('duplicate');
      const again = await signed(secret, delivery);
      expect(again.status()).toBe(200);
      expect(await again.json()).toEqual({ ok: true, result: 'duplicate' });
    });
    await probe('an oversized webhook body: 413', async () => {
      const res = await request.post(path, {
        headers: { 'x-wc-webhook-signature': 'x', 'content-type': 'application/json' },
        data: 'x'.repeat(5 * 1024 * 1024 + 10),
      });
      expect(res.status()).toBe(413);
    });
    await page.context().close();
  } finally {
    await store.stop();
  }
});

// ─── 5. Oversized and malformed payloads; injection; replayed events; scopes ─────────────────

test('malformed, oversized and hostile input is refused or stored inert; events are stored once', async ({
  browser,
  request,
}) => {
  const page = await newPage(browser);
  const owner = await signUp(page, { label: 'atk-input' });
  const key = await createSecretKey(page, owner.slug, 'atk-input');
  const auth = { Authorization: `Bearer ${key}`, 'User-Agent': BROWSER_UA };
  const events = (data: string | object, headers: Record<string, string> = {}) =>
    request.post('/api/v1/events', {
      headers: { ...auth, 'content-type': 'application/json', ...headers },
      data: typeof data === 'string' ? data : JSON.stringify(data),
    });
  const nested = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  const malformed: [string, string | object, number[]][] = [
    ['bad JSON', '{"events": [', [400]],
    ['not an object', '"events"', [400, 422]],
    ['events of the wrong type', { events: 'all of them' }, [400, 422]],
    ['an event of the wrong type', { events: [42] }, [200, 202, 400, 422]],
    ['deep nesting', `{"events":${nested}}`, [202, 400, 413, 422]],
    ['oversized body', { events: [{ pad: 'x'.repeat(1_100_000) }] }, [413]],
  ];
  for (const [what, data, statuses] of malformed) {
    await probe(`events API, ${what}: ${statuses.join('/')} with the error envelope`, async () => {
      const res = await events(data);
      expect(statuses).toContain(res.status());
      const json = await res.json();
      if (res.status() >= 400) expect(typeof json.error?.code).toBe('string');
    });
  }
  const countUrl = `/${owner.slug}/segments/count`;
  for (const [what, data] of [
    ['bad JSON', '{"rules": ['],
    ['wrong types', JSON.stringify({ rules: 'everyone' })],
    ['deep nesting', `{"rules":${nested}}`],
    ['oversized body', JSON.stringify({ rules: { pad: 'x'.repeat(2_100_000) } })],
  ] as const) {
    await probe(`segment count, ${what}: a 4xx, never a 500`, async () => {
      const res = await page.request.post(countUrl, {
        headers: { 'content-type': 'application/json' },
        data,
      });
      expect(res.status()).toBeGreaterThanOrEqual(400);
      expect(res.status()).toBeLessThan(500);
    });
  }
  for (const path of [
    '/api/v1/products?limit=abc',
    '/api/v1/products?limit=100000',
    '/api/v1/products?after=1%27%20or%201%3D1',
    '/api/v1/products?limit=0',
  ]) {
    await probe(`malformed query ${path}: a 4xx`, async () => {
      const res = await request.get(path, { headers: auth });
      expect(res.status()).toBeGreaterThanOrEqual(400);
      expect(res.status()).toBeLessThan(500);
    });
  }

  // Replayed events: the same event id twice is stored once.
  const eventId = `atk-replay-${Date.now()}`;
  const one = {
    events: [{ type: 'page_view', eventId, anonymousId: 'atk-visitor', consent: { analytics: true } }],
  };
  await probe('an event sent twice is stored once', async () => {
    const first = await (await events(one)).json();
    const second = await (await events(one)).json();
    expect(first).toMatchObject({ accepted: 1, rejected: 0 });
    expect(second).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  // Injection strings through the API: refused with a reason or stored, never a 500; searches
  // with them find nothing and break nothing.
  for (const text of INJECTIONS) {
    await probe(`events API stores ${JSON.stringify(text).slice(0, 30)} inert`, async () => {
      const res = await events({
        events: [
          {
            type: 'search',
            eventId: `atk-${randomBytes(6).toString('hex')}`,
            anonymousId: 'atk-i',
            query: text,
          },
          { type: 'page_view', eventId: `atk-${randomBytes(6).toString('hex')}`, customerId: text },
        ],
      });
      expect(res.status()).toBeLessThan(500);
    });
    await probe(`product search for ${JSON.stringify(text).slice(0, 30)}: 200, nothing found`, async () => {
      const res = await request.get(`/api/v1/products/search?q=${encodeURIComponent(text)}`, {
        headers: auth,
      });
      expect(res.status()).toBe(200);
      expect((await res.json()).data).toEqual([]);
    });
  }
  for (const path of [
    '/api/v1/products/..%2F..%2F..%2Fetc%2Fpasswd',
    '/t.js/..%2F..%2Fetc%2Fpasswd',
    `/${owner.slug}/import/..%2F..%2Fetc%2Fpasswd/errors.csv`,
    '/_next/static/..%2F..%2F..%2Fpackage.json',
  ]) {
    await probe(`path traversal ${path}: no file served`, async () => {
      const res = await page.request.get(path, { headers: auth });
      expect(res.status()).toBeGreaterThanOrEqual(400);
      const text = await res.text();
      expect(text).not.toContain('root:x:0');
      expect(text).not.toContain('"dependencies"');
    });
  }

  // Injection strings in dashboard text fields: displayed as text, never run.
  await page.addInitScript(() => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
  });
  for (const text of INJECTIONS) {
    const name = text.slice(0, 60);
    await probe(`key name ${JSON.stringify(name).slice(0, 30)} shown as text`, async () => {
      await page.goto(`/${owner.slug}/api-keys`);
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('button', { name: 'Done, I have copied it' }).click();
      await page.reload();
      const shown = await page.evaluate(
        (n) => [...document.querySelectorAll('td')].some((td) => td.textContent === n),
        name.trim(),
      );
      expect(shown, 'the name appears verbatim in a cell').toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    });
  }
  await probe('a hostile workspace name is shown as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"> & Co';
    await page.goto(`/${owner.slug}/settings`);
    await page.getByLabel('Workspace name').fill(hostile);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.goto(`/${owner.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: hostile })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });
  await probe('hostile shopper ids are shown as text on the shoppers page', async () => {
    await page.goto(`/${owner.slug}/shoppers`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  // Scopes: a read-only key reads, and is refused everything else by name.
  const readOnly = await createSecretKey(page, owner.slug, 'atk-read-only', ['data:read']);
  const ro = { Authorization: `Bearer ${readOnly}`, 'User-Agent': BROWSER_UA };
  await probe('a data:read key lists products', async () => {
    expect((await request.get('/api/v1/products', { headers: ro })).status()).toBe(200);
  });
  await probe('a data:read key sending events: 403 insufficient_scope', async () => {
    const res = await request.post('/api/v1/events', { headers: ro, data: one });
    expect(res.status()).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'insufficient_scope' });
    expect((await res.json()).error.message).toContain('events:write');
  });
  await probe('a data:read key asking for recommendations: 403 insufficient_scope', async () => {
    const res = await request.get('/api/v1/recommendations?scenario=trending', { headers: ro });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toContain('recommend:read');
  });
  for (const path of ['/api/v1/consent', '/api/v1/privacy/requests']) {
    await probe(`a data:read key posting to ${path}: 403 insufficient_scope`, async () => {
      const res = await request.post(path, { headers: ro, data: {} });
      expect(res.status()).toBe(403);
      expect((await res.json()).error).toMatchObject({ code: 'insufficient_scope' });
      expect((await res.json()).error.message).toContain('privacy:write');
    });
  }
  await probe('the keys list shows each key’s scopes', async () => {
    await page.goto(`/${owner.slug}/api-keys`);
    const row = page.getByRole('row').filter({ hasText: 'atk-read-only' });
    await expect(row.getByRole('list', { name: 'Scopes' })).toHaveText('data:read');
  });
  await probe('a publishable key cannot use the server API', async () => {
    const res = await request.get('/api/v1/products', {
      headers: { Authorization: 'Bearer pk_notreal00000000' },
    });
    expect(res.status()).toBe(401);
  });
  await page.context().close();
});

// ─── 6. Sign-in throttling ────────────────────────────────────────────────────────────────────

test('repeated wrong passwords are throttled', async ({ browser }) => {
  const page = await newPage(browser);
  const email = uniqueEmail('atk-brute');
  let throttled = false;
  for (let i = 0; i < 7 && !throttled; i++) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /Too many|did not match|incorrect|Invalid/i });
    await expect(alert.first()).toBeVisible();
    throttled = /Too many/.test((await alert.first().textContent()) ?? '');
  }
  await probe('the sixth attempt on one account is refused as too many', () => expect(throttled).toBe(true));
  await page.context().close();
});

test('the attack suite ends with no failed probe', () => {
  expect(tally.probes).toBeGreaterThan(50);
  expect(tally.failures, 'failed probes').toEqual([]);
});
