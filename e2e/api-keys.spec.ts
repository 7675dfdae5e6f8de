import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoA11yViolations, signUp, tenantTest, test } from './fixtures';

/** GET /api/v1/workspace with a secret key: the cheapest proof that a key works. */
async function workspaceWith(request: APIRequestContext, key: string) {
  return request.get('/api/v1/workspace', { headers: { Authorization: `Bearer ${key}` } });
}

function keyRow(page: Page, name: string) {
  return page.getByRole('table', { name: 'API keys' }).getByRole('row').filter({ hasText: name });
}

test('a secret key is shown once, works, and stops working when revoked', async ({
  page,
  context,
  request,
}) => {
  test.slow(); // a sign-up (argon2) and three accessibility scans on a busy machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const owner = await signUp(page, { label: 'keys' });
  await page.goto(`/${owner.slug}/api-keys`);
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expect(page.getByText('No API keys yet')).toBeVisible();
  await expect(page.getByText('For the REST API from your own servers')).toBeVisible();
  await expect(page.getByText('For the storefront snippet in your shop’s pages')).toBeVisible();
  await expectNoA11yViolations(page);

  await expect(page.getByRole('radio', { name: /Secret key/ })).toBeChecked();
  await expect(page.getByLabel('Allowed origins')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Give the key a name.')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Order sync');
  await page.getByRole('button', { name: 'Create key' }).click();

  await expect(page.getByRole('heading', { name: 'Key “Order sync” created' })).toBeFocused();
  // (filtered: Next's route announcer is an alert too)
  await expect(page.getByRole('alert').filter({ hasText: 'it will not be shown again' })).toBeVisible();
  const key = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
  expect(key).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectNoA11yViolations(page);

  const row = keyRow(page, 'Order sync');
  await expect(row).toContainText('Secret');
  await expect(row).toContainText(`${key.slice(0, 10)}…`);
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');

  const ok = await workspaceWith(request, key);
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ slug: owner.slug });

  // Once dismissed, the full key is nowhere on the page, not even after a reload.
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();
  expect(await page.content()).not.toContain(key);
  await page.reload();
  expect(await page.content()).not.toContain(key);
  await expect(row).not.toContainText('Never'); // the API call above counts as a use

  await row.getByRole('button', { name: 'Revoke Order sync' }).click();
  await expect(row.getByText('Requests with this key will fail. Revoke?')).toBeVisible();
  await row.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  await expectNoA11yViolations(page);

  const refused = await workspaceWith(request, key);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: 'unauthenticated' } });
});

tenantTest(
  'a publishable key needs the storefront origins it may be used from',
  async ({ page, workerTenant }) => {
    await page.goto(`/${workerTenant.slug}/api-keys`);
    await page.getByRole('radio', { name: /Publishable key/ }).check();
    const origins = page.getByLabel('Allowed origins');
    await expect(origins).toBeVisible();
    const name = `Storefront ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByText('A publishable key needs at least one storefront origin.')).toBeVisible();
    await expect(origins).toHaveAttribute('aria-invalid', 'true');
    await expect(origins).toBeFocused();

    await origins.fill('https://shop.example.com/path');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByText('Each origin must look like https://shop.example.com')).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name); // nothing typed is lost

    await origins.fill('https://shop.example.com\nhttp://localhost:8080');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('heading', { name: `Key “${name}” created` })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Publishable key' })).toHaveValue(
      /^pk_[A-Za-z0-9_-]{32}$/,
    );
    await page.getByRole('button', { name: 'Done, I have copied it' }).click();
    const row = keyRow(page, name);
    await expect(row).toContainText('Publishable');
    await expect(row).toContainText('https://shop.example.com');
    await expect(row).toContainText('http://localhost:8080');
  },
);
