import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test, uniqueEmail } from './fixtures';

/** The first customer of the demo's list (sorted by last order: a buyer with a profile). */
async function firstShopper(page: Page): Promise<{ name: string; email: string; href: string }> {
  const table = page.getByRole('table', { name: 'Shoppers' });
  const row = table.locator('tbody tr').first();
  const link = row.getByRole('link').first();
  await expect(link).toBeVisible();
  // The line under the name is the customer's email (or store id when none).
  const email = ((await row.locator('td').first().locator('div').textContent()) ?? '').trim();
  return {
    name: ((await link.textContent()) ?? '').trim(),
    email,
    href: (await link.getAttribute('href')) ?? '',
  };
}

test('the demo owner searches shoppers, sorts, and opens a profile with its timeline', async ({ page }) => {
  test.slow(); // the first profile page computes its profile if the rebuild has not run yet
  await signIn(page, DEMO.email, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Shoppers', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/shoppers$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Shoppers' })).toBeVisible();
  await expect(page.getByLabel('Segment')).toBeVisible();
  await expectNoA11yViolations(page);

  // Sorting is a link on the column header; the current column says so.
  await page.getByRole('link', { name: /^Spend/ }).click();
  await expect(page).toHaveURL(/sort=monetary&dir=desc|dir=desc.*sort=monetary/);
  await expect(page.getByRole('columnheader', { name: /Spend/ })).toHaveAttribute('aria-sort', 'descending');

  const { name, email, href } = await firstShopper(page);
  expect(href).toMatch(new RegExp(`^/${DEMO.slug}/shoppers/[0-9a-f-]{36}$`));
  // Emails are stored encrypted: search finds one by its exact address, through its keyed hash.
  expect(email).toContain('@');
  await page.getByLabel('Search shoppers').fill(email.toUpperCase());
  await page.getByLabel('Search shoppers').press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const rows = page.getByRole('table', { name: 'Shoppers' }).locator('tbody tr');
  await expect(rows.first().getByRole('link', { name, exact: true })).toBeVisible();

  await rows.first().getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Recency, frequency, monetary' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Preferences' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Paid orders per month' })).toBeVisible();
  const timeline = page.getByRole('table', { name: 'Shopper timeline' });
  await expect(timeline).toBeVisible();
  await expect(timeline.locator('tbody tr').first()).toBeVisible();
  // The owner may see what the store shares about age.
  await expect(page.getByText('Age band', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);

  // Another workspace's shopper id is not found.
  const other = await page.context().browser()!.newContext();
  const stranger = await other.newPage();
  const account = await signUp(stranger, { label: 'shoppers-iso' });
  const res = await stranger.goto(`/${account.slug}${href.slice(`/${DEMO.slug}`.length)}`);
  expect(res?.status()).toBe(404);
  await other.close();
});

/** The demo owner invites a viewer; the viewer signs up in their own context and accepts. */
async function joinAsViewer(owner: Page, browser: Browser): Promise<Page> {
  const email = uniqueEmail('shoppers-viewer');
  await owner.goto(`/${DEMO.slug}/members`);
  const form = owner
    .locator('section')
    .filter({ has: owner.getByRole('heading', { name: 'Invite a teammate' }) });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer' });
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = await form.getByLabel('Invitation link').inputValue();
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signUp(viewer, { email, name: 'Vera Viewer', label: 'shoppers-viewer' });
  await viewer.goto(link);
  await viewer.getByRole('button', { name: 'Accept invitation' }).click();
  await viewer.waitForURL((url) => url.pathname !== new URL(link).pathname);
  return viewer;
}

test('a viewer sees the profile but not the age band', async ({ page, browser }) => {
  test.slow(); // two sign-ups (argon2) and an invitation
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto(`/${DEMO.slug}/shoppers`);
  const { href } = await firstShopper(page);
  await page.goto(href);
  await expect(page.getByText('Age band', { exact: true })).toBeVisible();

  const viewer = await joinAsViewer(page, browser);
  await viewer.goto(href);
  await expect(viewer.getByRole('heading', { level: 2, name: 'Facts' })).toBeVisible();
  await expect(viewer.getByText('Age band', { exact: true })).toHaveCount(0);
  await expect(
    viewer.getByText('Age, gender and similar facts are shown only to owners, admins and analysts.'),
  ).toBeVisible();
  await viewer.context().close();
});

test('a new workspace explains how shoppers arrive', async ({ page }) => {
  const owner = await signUp(page, { label: 'shoppers-empty' });
  await page.goto(`/${owner.slug}/shoppers`);
  await expect(page.getByText('No shoppers yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'install the storefront snippet' })).toHaveAttribute(
    'href',
    `/${owner.slug}/install`,
  );
  await expect(page.getByRole('link', { name: 'Import', exact: true }).last()).toHaveAttribute(
    'href',
    `/${owner.slug}/import`,
  );
  await expectNoA11yViolations(page);
});
