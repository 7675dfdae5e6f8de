import type { Browser, Page } from '@playwright/test';
import { type Account, expect, expectNoA11yViolations, signUp, test, uniqueEmail } from './fixtures';

/**
 * Field encryption end to end: customers imported from a file are stored encrypted, the owner
 * rotates the data key on Privacy → Encryption and watches the coverage reach 100 % on the new
 * version, and a viewer (no `shoppers.pii`) sees masked emails on the shopper list.
 */

const CUSTOMERS = [
  'customer_id,email,name,country',
  'enc-1,ada.lovelace@example.com,Ada Lovelace,GB',
  'enc-2,grace.hopper@example.com,Grace Hopper,US',
  'enc-3,alan.turing@example.com,Alan Turing,GB',
].join('\n');

async function importCustomers(page: Page, slug: string) {
  await page.goto(`/${slug}/import`);
  await page
    .getByLabel('File to import')
    .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(CUSTOMERS) });
  await page.getByLabel('The file holds').selectOption('shoppers');
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible({ timeout: 45_000 });
}

/** Invites `role` and has them join in their own browser context; returns their page. */
async function joinAs(browser: Browser, page: Page, owner: Account, role: string): Promise<Page> {
  const email = uniqueEmail(role.toLowerCase());
  await page.goto(`/${owner.slug}/members`);
  const form = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Invite a teammate' }) });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = await form.getByLabel('Invitation link').inputValue();
  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, { email, name: `${role} Person`, label: 'enc-invitee' });
  await other.goto(link);
  await other.getByRole('button', { name: 'Accept invitation' }).click();
  await other.waitForURL((url) => url.pathname !== new URL(link).pathname);
  return other;
}

test('the owner rotates the data key and the coverage reaches 100 % on the new version', async ({ page }) => {
  test.slow(); // a sign-up, an import job, a re-encryption job and accessibility scans
  const owner = await signUp(page, { label: 'encryption' });
  await importCustomers(page, owner.slug);

  await page.goto(`/${owner.slug}/privacy/encryption`);
  await expect(page.getByRole('heading', { level: 1, name: 'Encryption' })).toBeVisible();
  await expect(page.getByTestId('enc-coverage')).toHaveText('100 %');
  await expect(page.getByTestId('enc-current-version')).toHaveText('1');
  await expect(page.getByText('TAILOR_ENCRYPTION_KEYS').first()).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Rotate data key' }).click();
  await expect(page.getByText('Key version 2 is now in use')).toBeVisible();
  // The page refreshes itself while the job runs; reload until it has finished.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('enc-current-version')).toHaveText('2');
    await expect(page.getByTestId('enc-coverage')).toHaveText('100 %');
    await expect(page.getByText('succeeded')).toBeVisible();
  }).toPass({ timeout: 45_000 });
  const versions = page.getByRole('table', { name: 'Field data key versions' });
  await expect(versions.getByRole('row').filter({ hasText: 'v2' })).toContainText('In use');
  await expect(versions.getByRole('row').filter({ hasText: 'v2' })).toContainText('3');
  await expect(versions.getByRole('row').filter({ hasText: 'v1' })).toContainText('Retired');
  await expectNoA11yViolations(page);

  // The owner still finds a customer by exact email, shown in clear.
  await page.goto(`/${owner.slug}/shoppers?q=${encodeURIComponent('Ada.Lovelace@example.com')}`);
  const rows = page.getByRole('table', { name: 'Shoppers' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('ada.lovelace@example.com');
});

test('a viewer sees masked emails on the shopper list and no rotate button', async ({ page, browser }) => {
  test.slow(); // two sign-ups (argon2) and an import job
  const owner = await signUp(page, { label: 'enc-mask' });
  await importCustomers(page, owner.slug);
  await page.goto(`/${owner.slug}/shoppers`);
  await expect(page.getByRole('table', { name: 'Shoppers' })).toContainText('grace.hopper@example.com');

  const viewer = await joinAs(browser, page, owner, 'Viewer');
  await viewer.goto(`/${owner.slug}/shoppers`);
  const table = viewer.getByRole('table', { name: 'Shoppers' });
  await expect(table).toContainText('g•••@example.com');
  await expect(table).toContainText('a•••@example.com');
  await expect(table).not.toContainText('grace.hopper');
  await expect(table).not.toContainText('Grace Hopper');
  // Privacy pages are not the viewer's (no privacy.read).
  const res = await viewer.goto(`/${owner.slug}/privacy/encryption`);
  expect(res?.status()).toBe(404);
  await viewer.context().close();
});
