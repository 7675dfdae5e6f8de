import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';

test('the demo overview shows last-30-day figures computed from the data, with charts', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Demo Store' })).toBeVisible();
  for (const label of ['Revenue', 'Orders', 'Active shoppers', 'Events']) {
    const value = page
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
    await expect(value).toBeVisible();
    // Non-zero: the demo store has 120 days of activity up to today.
    await expect(value).not.toHaveText(/^(€\s?0[.,]00|0[.,]00\s?€|0)$/);
  }
  await expect(page.getByText(/€/).first()).toBeVisible();
  await expect(page.getByRole('img', { name: 'Revenue per day (EUR)' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Events per day' })).toBeVisible();
  // The rolling window cuts its first and last day: both are named as parts of a day.
  const revenueDays = page.getByRole('table', { name: 'Revenue per day (EUR)' }).locator('tbody tr');
  await expect(revenueDays.last().locator('td').first()).toContainText('so far, until');
  await expect(revenueDays.first().locator('td').first()).toContainText('from ');
  await expect(revenueDays.nth(1).locator('td').first()).not.toContainText('(');
  await expect(page.getByText('Part of a day').first()).toBeVisible();
  const bestSellers = page.getByRole('table', { name: 'Best-selling products' });
  await expect(bestSellers.getByRole('row')).toHaveCount(6); // header + top 5
  // In the workspace's language (English), not in the language of the shoppers who bought them.
  expect(await bestSellers.locator('tbody').textContent()).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  await expectNoA11yViolations(page);
});

test('the workspace switcher and navigation work by keyboard', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Members' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/members$`));
  await expect(nav.getByRole('link', { name: 'Members' })).toHaveAttribute('aria-current', 'page');
  const switcher = page.locator('summary').filter({ hasText: 'Current workspace: Demo Store' });
  await switcher.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: '+ New workspace' })).toBeVisible();
  await page.getByRole('link', { name: '+ New workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Create a workspace' })).toBeVisible();
});
