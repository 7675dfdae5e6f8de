import { expect, expectNoA11yViolations, tenantTest as test } from './fixtures';

test('a job runs in the background and its state and progress show on the Jobs page', async ({
  page,
  workerTenant,
}) => {
  await page.goto(`/${workerTenant.slug}/jobs`);
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  await page.getByRole('button', { name: 'Run the workspace clean-up now' }).click();
  const table = page.getByRole('table', { name: 'Background jobs, newest first' });
  const row = table.getByRole('row').filter({ hasText: 'maintenance.cleanup' }).first();
  // The page refreshes itself while a job is queued or running; the in-process runner finishes it.
  await expect(row.getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
  await expectNoA11yViolations(page);
});

test('the Jobs page requires a signed-in member', async ({ page }) => {
  await page.context().clearCookies();
  await page.goto('/demo/jobs');
  await expect(page).toHaveURL(/\/sign-in/);
});
