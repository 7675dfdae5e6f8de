import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, tenantTest as test } from './fixtures';

/**
 * Consent end to end: a server records a shopper's decisions through the REST API, the shopper's
 * profile shows them in its consent panel, and Privacy → Consent counts them.
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

test('consent sent through the API shows on the shopper profile and the consent page', async ({
  page,
  request,
  workerTenant,
}) => {
  test.slow(); // key creation, a first profile computation and two accessibility scans
  const slug = workerTenant.slug;
  await page.goto(`/${slug}/privacy/consent`);
  await expect(page.getByRole('heading', { level: 1, name: 'Consent' })).toBeVisible();
  await expect(page.getByText('No consent decisions yet')).toBeVisible();
  await expect(page.locator('#main').getByRole('link', { name: 'Privacy settings' })).toHaveAttribute(
    'href',
    `/${slug}/privacy/settings`,
  );

  const key = await createSecretKey(page, slug, 'Consent');
  const auth = { Authorization: `Bearer ${key}` };
  const customerId = `consent-e2e-${Date.now()}`;
  const sent = await request.post('/api/v1/events', {
    headers: auth,
    data: { events: [{ type: 'page_view', eventId: `${customerId}-1`, customerId }] },
  });
  expect(sent.status()).toBe(202);

  const bad = await request.post('/api/v1/consent', {
    headers: auth,
    data: { customerId, consent: { tracking: true } },
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.code).toBe('validation_failed');

  const recorded = await request.post('/api/v1/consent', {
    headers: auth,
    data: { customerId, consent: { analytics: true, advertising: false }, policyVersion: 'v2026-03' },
  });
  expect(recorded.status()).toBe(200);
  const { data } = (await recorded.json()) as { data: { shopperId: string; changed: number } };
  expect(data.changed).toBe(2);

  const read = await request.get(`/api/v1/shoppers/${encodeURIComponent(customerId)}/consent`, {
    headers: auth,
  });
  expect(read.status()).toBe(200);
  expect(((await read.json()) as { data: { history: unknown[] } }).data.history).toHaveLength(2);

  await page.goto(`/${slug}/shoppers/${data.shopperId}`);
  const panel = page.getByTestId('consent-panel');
  const row = (purpose: string) =>
    panel.getByRole('table', { name: 'Consent per purpose' }).locator(`tr[data-purpose="${purpose}"]`);
  await expect(row('advertising')).toContainText('Denied');
  await expect(row('advertising')).toContainText('API');
  await expect(row('advertising')).toContainText('v2026-03');
  await expect(row('analytics')).toContainText('Granted');
  await expect(row('personalization')).toContainText('Undecided');
  await expect(
    panel.getByRole('table', { name: 'Consent history, newest first' }).locator('tbody tr'),
  ).toHaveCount(2);
  await expectNoA11yViolations(page);

  await page.goto(`/${slug}/privacy/consent`);
  await expect(page.getByTestId('consent-mode')).toContainText('Opt-out');
  const totals = page.getByRole('table', { name: 'Current consent per purpose' });
  await expect(totals.getByRole('row').filter({ hasText: 'Advertising' })).toContainText('1');
  await expect(
    page.getByRole('img', { name: /Analytics: share of consent decisions granted/ }),
  ).toBeVisible();
  await expectNoA11yViolations(page);
});
