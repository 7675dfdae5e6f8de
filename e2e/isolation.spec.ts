import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO, expect, signIn, signUp, test } from './fixtures';

/**
 * Tenant isolation: workspace B (a fresh sign-up) probes every dashboard route, API route and
 * server action with workspace A's ids, slug and keys. A is the demo workspace, which has data.
 * Every probe must end in 404 / 401 / "not found", never in A's data or a change to A.
 */

async function createSecretKey(page: Page, slug: string, name: string): Promise<string> {
  await page.goto(`/${slug}/api-keys`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
  expect(key).toMatch(/^sk_/);
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  return key;
}

/** Opens a key's revoke confirmation and reads the hidden id the form would send, then cancels. */
async function keyIdOf(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  const id = await page.locator('form input[name="id"]').first().inputValue();
  await page.getByRole('button', { name: 'Cancel' }).click();
  return id;
}

/** Rewrites hidden fields of the forms on the page just before submitting (a forged request). */
async function forge(page: Page, fields: Record<string, string>): Promise<void> {
  // Hydration sets controlled inputs back to their rendered values: forge only once React owns
  // every form (its fiber keys are on the elements), or the forged value is silently undone.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('form')].every((f) => Object.keys(f).some((k) => k.startsWith('__react'))),
  );
  await page.evaluate((f) => {
    for (const [name, value] of Object.entries(f)) {
      for (const input of document.querySelectorAll<HTMLInputElement>(
        `form input[type="hidden"][name="${name}"]`,
      )) {
        input.value = value;
      }
    }
  }, fields);
}

const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function api(request: APIRequestContext, path: string, key: string) {
  return request.get(path, { headers: { Authorization: `Bearer ${key}` } });
}

test('Run evaluation forged for another workspace is refused, queues nothing', async ({ browser }) => {
  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-eval' });
  await b.goto(`/${ownerB.slug}/model-quality`);
  await forge(b, { tenant: DEMO.slug });
  await b.getByRole('button', { name: 'Run evaluation' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();
  // B's own workspace got nothing either (the forged slug was the only target).
  await b.goto(`/${ownerB.slug}/jobs`);
  await expect(b.getByText('recommend.evaluate')).toHaveCount(0);

  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  await a.goto(`/${DEMO.slug}/audit`);
  await expect(a.getByText(ownerB.email)).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});

test("making workspace A's model version live from workspace B is not found", async ({ browser }) => {
  test.setTimeout(360_000); // waits for the demo's first training
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  const versionRow = a.locator('tr[data-version-id]').first();
  await expect(async () => {
    await a.goto(`/${DEMO.slug}/model-quality`);
    await expect(versionRow).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 300_000, intervals: [3_000] });
  const versionA = (await versionRow.getAttribute('data-version-id')) ?? '';
  expect(versionA).toMatch(/^[0-9a-f-]{36}$/);
  const liveBefore = await a
    .locator('tr[data-version-id]')
    .filter({ hasText: /Live/ })
    .first()
    .getAttribute('data-version-id');
  expect(liveBefore, "the demo's first version went live").toBeTruthy();

  // B's page has no "Make live" form (B has no versions), so B's "Train now" form is re-aimed at
  // makeModelLiveAction: the same page's action id (from the build's manifest), A's version id.
  const fs = await import('node:fs');
  const path = await import('node:path');
  const manifest = JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '..', '.next/server/server-reference-manifest.json'),
      'utf8',
    ),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const makeLiveId = Object.entries(manifest.node).find(
    ([, v]) => v.filename === 'lib/recommend/actions.ts' && v.exportedName === 'makeModelLiveAction',
  )?.[0];
  expect(makeLiveId, 'makeModelLiveAction in the server reference manifest').toBeTruthy();

  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-live' });
  await b.goto(`/${ownerB.slug}/model-quality`);
  await b.route('**/model-quality', async (route) => {
    const headers = route.request().headers();
    if (route.request().method() !== 'POST' || !headers['next-action']) return route.continue();
    return route.continue({ headers: { ...headers, 'next-action': makeLiveId ?? '' } });
  });
  const train = b.getByRole('button', { name: 'Train now' });
  await train.evaluate((button, id) => {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'id';
    input.value = id;
    button.closest('form')?.append(input);
  }, versionA);
  await train.click();
  await expect(b.getByRole('alert').filter({ hasText: 'Model version not found' })).toBeVisible();

  // A's live version is unchanged.
  await a.goto(`/${DEMO.slug}/model-quality`);
  await expect(a.locator(`tr[data-version-id="${liveBefore}"]`)).toContainText('Live');
  await a.context().close();
  await b.context().close();
});

test('another workspace is not found through any route, API call or action', async ({ browser, request }) => {
  test.slow();
  // A: the demo workspace, with a key of its own and a product id.
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  const keyNameA = `iso-a-${Date.now()}`;
  const keyA = await createSecretKey(a, DEMO.slug, keyNameA);
  const keyIdA = await keyIdOf(a, keyNameA);
  const list = await api(request, '/api/v1/products?limit=1', keyA);
  expect(list.status()).toBe(200);
  const productA = (await list.json()).data[0] as {
    id: string;
    externalId: string;
    title: Record<string, string>;
  };
  expect(productA.id).toBeTruthy();

  // A's import (a file uploaded with A's session; the upload only stores and inspects it).
  const upload = await a.request.post(`/${DEMO.slug}/import/upload?name=iso.csv&kind=products`, {
    headers: { 'content-type': 'text/csv' },
    data: 'sku,title,price\niso-1,Isolation probe,-1\n',
  });
  expect(upload.status()).toBe(201);
  const importA = ((await upload.json()) as { id: string }).id;

  // B: a new merchant with a key of its own.
  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-b' });
  const keyNameB = 'iso-b-key';
  const keyB = await createSecretKey(b, ownerB.slug, keyNameB);

  // Dashboard routes of A, visited by B: 404, and nothing of A on the page.
  for (const path of [
    '',
    '/members',
    '/api-keys',
    '/audit',
    '/settings',
    '/jobs',
    '/connections',
    '/import',
    '/quality',
    '/products',
    '/models',
    '/placements',
    '/preview',
    '/model-quality',
    '/install',
    '/performance',
    '/performance?period=90',
    `/import/${importA}`,
    `/products/${productA.id}`,
  ]) {
    const res = await b.goto(`/${DEMO.slug}${path}`);
    expect(res?.status(), `/${DEMO.slug}${path}`).toBe(404);
    await expect(b.getByText('Demo Store')).toHaveCount(0);
  }

  // A's product through B's own workspace: not found, by id and by store id.
  for (const ref of [productA.id, encodeURIComponent(productA.externalId)]) {
    expect((await b.goto(`/${ownerB.slug}/products/${ref}`))?.status(), `B's /products/${ref}`).toBe(404);
  }

  // A's import through B's own workspace: the page, its error report and an upload into A.
  expect((await b.goto(`/${ownerB.slug}/import/${importA}`))?.status()).toBe(404);
  const errorsCsv = await b.request.get(`/${ownerB.slug}/import/${importA}/errors.csv`);
  expect(errorsCsv.status()).toBe(404);
  expect(await errorsCsv.json()).toEqual({ error: { code: 'not_found', message: 'Import not found.' } });
  expect((await b.request.get(`/${DEMO.slug}/import/${importA}/errors.csv`)).status()).toBe(404);
  const intoA = await b.request.post(`/${DEMO.slug}/import/upload?name=x.csv&kind=products`, {
    headers: { 'content-type': 'text/csv' },
    data: 'sku,title,price\nx,X,1\n',
  });
  expect(intoA.status()).toBe(404);

  // Events with B's key land in B: A's product is an unknown product there (e2e/events.spec.ts
  // covers the rest of the events API's isolation).
  const sent = await b.request.post('/api/v1/events', {
    headers: { Authorization: `Bearer ${keyB}`, 'User-Agent': BROWSER_UA },
    data: {
      events: [
        { type: 'view', eventId: `iso-${Date.now()}`, anonymousId: 'iso-v', productId: productA.externalId },
      ],
    },
  });
  expect(await sent.json()).toMatchObject({
    accepted: 0,
    rejected: 1,
    errors: [{ index: 0, reason: 'unknown_product' }],
  });

  // API with B's key: A's product by id or external id → 404; the workspace is B's.
  for (const path of [
    `/api/v1/products/${productA.id}`,
    `/api/v1/products/${encodeURIComponent(productA.externalId)}`,
    `/api/v1/products/${productA.id}/similar`,
    `/api/v1/products/${encodeURIComponent(productA.externalId)}/similar`,
  ]) {
    const res = await api(request, path, keyB);
    expect(res.status(), path).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Product not found' } });
  }
  expect((await (await api(request, '/api/v1/workspace', keyB)).json()).slug).toBe(ownerB.slug);
  expect((await (await api(request, '/api/v1/products', keyB)).json()).data).toEqual([]);
  // Recommendations with B's key: A's placement and A's product are not found in B.
  for (const query of ['placement=home-for-you', `scenario=similar&item=${productA.id}`]) {
    const res = await api(request, `/api/v1/recommendations?${query}`, keyB);
    expect(res.status(), query).toBe(404);
    expect((await res.json()).error.code, query).toBe('not_found');
  }
  // Searching B's catalog for A's product by its title finds nothing, in every mode.
  const titleA = Object.values(productA.title)[0] ?? '';
  for (const mode of ['keyword', 'semantic', 'hybrid']) {
    const found = await api(
      request,
      `/api/v1/products/search?q=${encodeURIComponent(titleA)}&mode=${mode}`,
      keyB,
    );
    expect(found.status(), mode).toBe(200);
    expect((await found.json()).data, mode).toEqual([]);
  }
  // No key, a made-up key, a key in the wrong header: 401.
  expect((await request.get('/api/v1/workspace')).status()).toBe(401);
  expect((await api(request, '/api/v1/workspace', 'sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status()).toBe(401);

  // Server actions from B's pages with A's slug in the tenant field: "not found", no change.
  await b.goto(`/${ownerB.slug}/settings`);
  await forge(b, { tenant: DEMO.slug });
  await b.getByLabel('Workspace name').fill('Hijacked');
  await b.getByRole('button', { name: 'Save settings' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  await b.goto(`/${ownerB.slug}/members`);
  await forge(b, { tenant: DEMO.slug });
  await b.getByLabel('Email').fill(`intruder-${Date.now()}@example.test`);
  await b.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  await b.goto(`/${ownerB.slug}/jobs`);
  await forge(b, { tenant: DEMO.slug });
  await b.getByRole('button', { name: 'Run the workspace clean-up now' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  await b.goto(`/${ownerB.slug}/install`);
  await b.getByLabel('Default title').fill('Hijacked title');
  await forge(b, { tenant: DEMO.slug }); // after typing: a re-render restores the hidden field
  await b.getByRole('button', { name: 'Save widget look' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  // Performance → attribution settings (updateStorefrontSettingsAction) forged for A: refused.
  await b.goto(`/${ownerB.slug}/performance`);
  await forge(b, { tenant: DEMO.slug });
  await b.getByLabel('Attribution window (days)').fill('29');
  await b.getByRole('button', { name: 'Save attribution settings' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();
  await a.goto(`/${DEMO.slug}/performance`);
  await expect(a.getByLabel('Attribution window (days)')).not.toHaveValue('29');

  // B revoking A's key by id, from B's own workspace: not found, and A's key still works.
  await b.goto(`/${ownerB.slug}/api-keys`);
  await b.getByRole('button', { name: `Revoke ${keyNameB}` }).click();
  await forge(b, { id: keyIdA });
  await b.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(b.getByRole('alert').filter({ hasText: /not found/i })).toBeVisible();
  expect((await api(request, '/api/v1/workspace', keyA)).status()).toBe(200);
  expect((await api(request, '/api/v1/workspace', keyB)).status()).toBe(200); // B's own key untouched too

  // And nothing changed in A: its name is intact and B's attempts left no trace in A's audit log.
  await a.goto(`/${DEMO.slug}/settings`);
  await expect(a.getByLabel('Workspace name')).toHaveValue('Demo Store');
  await a.goto(`/${DEMO.slug}/install`);
  await expect(a.getByLabel('Default title')).not.toHaveValue('Hijacked title');
  await a.goto(`/${DEMO.slug}/audit`);
  await expect(a.getByText(ownerB.email)).toHaveCount(0);

  await a.context().close();
  await b.context().close();
});

test('shoppers, segments, predictions and markets of another workspace are not found', async ({
  browser,
  request,
}) => {
  test.slow();
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  // A's first shopper and a segment of A's own.
  await a.goto(`/${DEMO.slug}/shoppers`);
  const href = await a.locator(`a[href^="/${DEMO.slug}/shoppers/"]`).first().getAttribute('href');
  const shopperA = href?.split('/').pop() ?? '';
  expect(shopperA).toMatch(/^[0-9a-f-]{36}$/);
  await a.goto(`/${DEMO.slug}/segments/new`);
  await a.getByLabel('Name', { exact: true }).fill(`Isolation probe ${Date.now()}`);
  await a.getByRole('button', { name: 'Create segment' }).click();
  await a.waitForURL(new RegExp(`/${DEMO.slug}/segments/[0-9a-f-]{36}$`));
  const segmentA = a.url().split('/').pop() ?? '';

  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-shoppers' });
  const keyB = await createSecretKey(b, ownerB.slug, 'iso-shoppers-key');

  // A's pages visited by B, and A's ids inside B's workspace: 404 with nothing of A.
  for (const path of [
    `/${DEMO.slug}/shoppers`,
    `/${DEMO.slug}/shoppers/${shopperA}`,
    `/${DEMO.slug}/segments`,
    `/${DEMO.slug}/segments/new`,
    `/${DEMO.slug}/segments/${segmentA}`,
    `/${DEMO.slug}/segments/${segmentA}/edit`,
    `/${DEMO.slug}/predictions`,
    `/${DEMO.slug}/predictions/at-risk`,
    `/${DEMO.slug}/predictions/ready-to-buy`,
    `/${DEMO.slug}/markets`,
    `/${DEMO.slug}/markets?by=locale&days=365`,
    `/${DEMO.slug}/markets/DE`,
    `/${DEMO.slug}/settings/currency`,
    `/${ownerB.slug}/shoppers/${shopperA}`,
    `/${ownerB.slug}/segments/${segmentA}`,
    `/${ownerB.slug}/segments/${segmentA}/edit`,
  ]) {
    const res = await b.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(b.getByText('Demo Store')).toHaveCount(0);
  }
  for (const path of [
    `/${ownerB.slug}/segments/${segmentA}/members.csv`,
    `/${DEMO.slug}/segments/${segmentA}/members.csv`,
  ]) {
    expect((await b.request.get(path)).status(), path).toBe(404);
  }
  const count = await b.request.post(`/${DEMO.slug}/segments/count`, { data: { rules: { conditions: [] } } });
  expect(count.status()).toBe(404);

  // The segments API with B's key: A's segment is not found, B's list is B's own.
  for (const path of [`/api/v1/segments/${segmentA}`, `/api/v1/segments/${segmentA}/members.csv`]) {
    const res = await api(request, path, keyB);
    expect(res.status(), path).toBe(404);
    expect((await res.json()).error.code, path).toBe('not_found');
  }
  const listed = (await (await api(request, '/api/v1/segments', keyB)).json()) as { data: { id: string }[] };
  expect(listed.data.map((s) => s.id)).not.toContain(segmentA);

  // Actions forged for A from B's pages: "Workspace not found", nothing changes in A.
  // A's segment in B's preview: no member of A is offered.
  await b.goto(`/${ownerB.slug}/preview?segment=${segmentA}`);
  await expect(b.getByRole('navigation', { name: /^Shoppers in / })).toHaveCount(0);
  await expect(b.getByText('Demo Store')).toHaveCount(0);
  await b.goto(`/${ownerB.slug}/segments/new`);
  await b.getByLabel('Name', { exact: true }).fill('Hijacked segment');
  // The live count re-renders the form when it lands, which restores the hidden field: let it land.
  await expect(b.getByTestId('live-size')).toContainText('right now');
  await forge(b, { tenant: DEMO.slug });
  await b.getByRole('button', { name: 'Create segment' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  await b.goto(`/${ownerB.slug}/settings/currency`);
  await b.getByLabel('Currency', { exact: true }).fill('USD');
  await b.getByLabel(/^Rate in /).fill('0.01');
  await forge(b, { tenant: DEMO.slug });
  await b.getByRole('button', { name: 'Save rate' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  await a.goto(`/${DEMO.slug}/segments`);
  await expect(a.getByText('Hijacked segment')).toHaveCount(0);
  await a.goto(`/${DEMO.slug}/settings/currency`);
  await expect(a.getByText('0.01')).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});

/** Files a privacy request about an email in a workspace and returns its id. */
async function filePrivacyRequest(page: Page, slug: string, email: string): Promise<string> {
  await page.goto(`/${slug}/privacy/requests/new`);
  await page.getByLabel('Kind of request').selectOption({ label: 'Access' });
  await page.getByLabel('Identify the person by').selectOption('email');
  await page.getByLabel('Identifier', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'File request' }).click();
  await page.waitForURL(new RegExp(`/${slug}/privacy/requests/[0-9a-f-]{36}$`));
  return page.url().split('/').pop() ?? '';
}

test('the privacy center of another workspace is not found: pages, API, forged actions', async ({
  browser,
  request,
}) => {
  test.slow();
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  const requestA = await filePrivacyRequest(a, DEMO.slug, `iso-subject-${Date.now()}@example.test`);
  await a.goto(`/${DEMO.slug}/shoppers`);
  const href = await a.locator(`a[href^="/${DEMO.slug}/shoppers/"]`).first().getAttribute('href');
  const shopperA = href?.split('/').pop() ?? '';
  expect(shopperA).toMatch(/^[0-9a-f-]{36}$/);

  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-privacy' });
  const keyB = await createSecretKey(b, ownerB.slug, 'iso-privacy-key');

  for (const path of [
    `/${DEMO.slug}/privacy`,
    `/${DEMO.slug}/privacy/requests`,
    `/${DEMO.slug}/privacy/requests/new`,
    `/${DEMO.slug}/privacy/requests/${requestA}`,
    `/${DEMO.slug}/privacy/consent`,
    `/${DEMO.slug}/privacy/data-map`,
    `/${DEMO.slug}/privacy/encryption`,
    `/${DEMO.slug}/privacy/settings`,
    `/${ownerB.slug}/privacy/requests/${requestA}`,
  ]) {
    const res = await b.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(b.getByText('Demo Store')).toHaveCount(0);
  }
  for (const path of [
    `/${DEMO.slug}/privacy/report`,
    `/${DEMO.slug}/privacy/requests/${requestA}/export?format=json`,
    `/${ownerB.slug}/privacy/requests/${requestA}/export?format=json`,
  ]) {
    expect((await b.request.get(path)).status(), path).toBe(404);
  }
  for (const path of [`/api/v1/privacy/requests/${requestA}`, `/api/v1/shoppers/${shopperA}/consent`]) {
    const res = await api(request, path, keyB);
    expect(res.status(), path).toBe(404);
    expect((await res.json()).error.code, path).toBe('not_found');
  }

  // A's request id forged into B's own request page: not found, A's request is untouched.
  await filePrivacyRequest(b, ownerB.slug, 'someone@example.test');
  await forge(b, { id: requestA });
  await b.getByLabel('How was the identity verified?').selectOption('order_match');
  await b.getByRole('button', { name: 'Mark identity verified' }).click();
  await expect(b.getByRole('alert').filter({ hasText: /not found/i })).toBeVisible();

  // Workspace-level privacy actions forged for A from B's pages: "Workspace not found".
  const forged: [string, string][] = [
    [`/${ownerB.slug}/privacy/settings`, 'Save privacy settings'],
    [`/${ownerB.slug}/privacy/settings`, 'Run retention now'],
    [`/${ownerB.slug}/privacy/encryption`, 'Rotate data key'],
    [`/${ownerB.slug}/audit`, 'Verify chain'],
  ];
  for (const [path, button] of forged) {
    await b.goto(path);
    await forge(b, { tenant: DEMO.slug });
    await b.getByRole('button', { name: button }).click();
    await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' }), button).toBeVisible();
  }

  await a.goto(`/${DEMO.slug}/privacy/requests/${requestA}`);
  await expect(a.getByTestId('request-status')).toHaveText('Received');
  await a.goto(`/${DEMO.slug}/privacy/encryption`);
  await expect(a.getByText(ownerB.email)).toHaveCount(0);
  await a.goto(`/${DEMO.slug}/audit`);
  await expect(a.getByText(ownerB.email)).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});

test('explanations, model cards and fairness of another workspace are not found', async ({
  browser,
  request,
}) => {
  test.slow();
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  await a.goto(`/${DEMO.slug}/shoppers`);
  const shopperHref = await a.locator(`a[href^="/${DEMO.slug}/shoppers/"]`).first().getAttribute('href');
  const shopperA = shopperHref?.split('/').pop() ?? '';
  expect(shopperA).toMatch(/^[0-9a-f-]{36}$/);
  await a.goto(`/${DEMO.slug}/products`);
  const productHref = await a.locator(`a[href^="/${DEMO.slug}/products/"]`).first().getAttribute('href');
  const productA = productHref?.split('/').pop() ?? '';
  expect(productA).toMatch(/^[0-9a-f-]{36}$/);
  // A trained prediction version's card (the demo trains at start-up).
  await expect(async () => {
    await a.goto(`/${DEMO.slug}/model-cards`);
    await expect(a.locator(`a[href^="/${DEMO.slug}/model-cards/"]`).first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 300_000 });
  const cardHref = await a.locator(`a[href^="/${DEMO.slug}/model-cards/"]`).first().getAttribute('href');
  const modelA = cardHref?.split('/').pop() ?? '';
  expect(modelA).toMatch(/^[0-9a-f-]{36}$/);

  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-explain' });
  const keyB = await createSecretKey(b, ownerB.slug, 'iso-explain-key');

  for (const path of [
    `/${DEMO.slug}/explanations`,
    `/${DEMO.slug}/explanations?shopper=${shopperA}`,
    `/${DEMO.slug}/explanations?product=${productA}`,
    `/${DEMO.slug}/model-cards`,
    `/${DEMO.slug}/model-cards/${modelA}`,
    `/${ownerB.slug}/model-cards/${modelA}`,
    `/${DEMO.slug}/fairness`,
  ]) {
    const res = await b.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(b.getByText('Demo Store')).toHaveCount(0);
  }
  // A's ids inside B's own pages: "not found", nothing of A.
  await b.goto(`/${ownerB.slug}/explanations?shopper=${shopperA}`);
  await expect(b.getByText(/shopper not found/i).first()).toBeVisible();
  await b.goto(`/${ownerB.slug}/explanations?product=${productA}`);
  await expect(b.getByText(/product not found/i).first()).toBeVisible();
  // B has no catalog: its preview says so, and A's shopper gets no lists and no counterfactuals.
  await b.goto(`/${ownerB.slug}/preview?shopper=${shopperA}`);
  await expect(b.getByText('No products yet')).toBeVisible();
  await expect(b.getByText(/had not happened/i)).toHaveCount(0);
  await expect(b.getByText('Demo Store')).toHaveCount(0);

  const res = await api(request, `/api/v1/shoppers/${shopperA}/explanations?model=churn`, keyB);
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe('not_found');

  // Workspace-level fairness settings forged for A from B's page: "Workspace not found".
  for (const button of ['Save mitigation', 'Save thresholds', 'Save attributes']) {
    await b.goto(`/${ownerB.slug}/fairness`);
    await forge(b, { tenant: DEMO.slug });
    await b.getByRole('button', { name: button }).click();
    await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' }), button).toBeVisible();
  }

  await a.goto(`/${DEMO.slug}/audit`);
  await expect(a.getByText(ownerB.email)).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});

test('ad campaigns, creatives, exports and ad serving of another workspace are not found', async ({
  browser,
  request,
}) => {
  test.slow();
  const a = await newPage(browser);
  await signIn(a, DEMO.email, DEMO.password);
  await a.goto(`/${DEMO.slug}/ads/new`);
  const nameA = `Iso campaign ${Date.now()}`;
  await a.getByLabel('Name', { exact: true }).fill(nameA);
  await a.getByLabel('On-site banner', { exact: true }).check();
  const slotA = `iso-hero-${Date.now()}`;
  await a.getByLabel('Placement key').fill(slotA);
  await a.getByRole('button', { name: 'Create campaign' }).click();
  await expect(a.getByRole('heading', { level: 1, name: nameA })).toBeVisible();
  const campaignA = a.url().split('/').pop() ?? '';
  expect(campaignA).toMatch(/^[0-9a-f-]{36}$/);

  const b = await newPage(browser);
  const ownerB = await signUp(b, { label: 'iso-ads' });
  const keyB = await createSecretKey(b, ownerB.slug, 'iso-ads-key');

  for (const path of [
    `/${DEMO.slug}/ads`,
    `/${DEMO.slug}/ads/new`,
    `/${DEMO.slug}/ads/settings`,
    `/${DEMO.slug}/ads/${campaignA}`,
    `/${DEMO.slug}/ads/${campaignA}/edit`,
    `/${ownerB.slug}/ads/${campaignA}`,
    `/${ownerB.slug}/ads/${campaignA}/edit`,
  ]) {
    const res = await b.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(b.getByText(nameA)).toHaveCount(0);
  }
  for (const path of [
    `/${ownerB.slug}/ads/${campaignA}/export?format=google-ads-editor`,
    `/${ownerB.slug}/ads/${campaignA}/export?format=meta`,
    `/${DEMO.slug}/ads/${campaignA}/export?format=meta`,
  ]) {
    const res = await b.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text()).not.toContain(nameA);
  }

  // Serving: B's key asking for A's ad slot gets nothing; a made-up token is refused.
  const decide = await api(request, `/api/v1/ads/decide?placement=${slotA}`, keyB);
  expect(decide.status()).toBe(204);
  const feedback = await request.post('/api/v1/ads/feedback', {
    headers: { Authorization: `Bearer ${keyB}` },
    data: { token: 'v1.eyJ9.forged', type: 'click' },
  });
  expect(feedback.status()).toBe(422);

  // Actions forged from B's own pages: A's campaign id is "not found", A's slug "Workspace not found".
  await b.goto(`/${ownerB.slug}/ads/settings`);
  await forge(b, { tenant: DEMO.slug });
  await b.getByRole('button', { name: 'Save settings' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'Workspace not found' })).toBeVisible();

  await b.goto(`/${ownerB.slug}/ads/new`);
  await b.getByLabel('Name', { exact: true }).fill('B campaign');
  await b.getByRole('button', { name: 'Create campaign' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'B campaign' })).toBeVisible();
  await forge(b, { id: campaignA, campaignId: campaignA });
  await b.getByRole('button', { name: 'Generate creatives' }).click();
  await expect(
    b
      .getByRole('alert')
      .filter({ hasText: /not found/i })
      .first(),
  ).toBeVisible();

  // A's campaign is untouched: still a draft with no generation run.
  await a.goto(`/${DEMO.slug}/ads`);
  const rowA = a.getByRole('row').filter({ hasText: nameA });
  await expect(rowA).toContainText(/draft/i);
  await a.goto(`/${DEMO.slug}/jobs`);
  await expect(a.getByText(ownerB.email)).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});
