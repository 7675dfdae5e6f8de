import fs from 'node:fs';
import { expect, expectNoA11yViolations, tenantTest as test } from './fixtures';

test('retention: set a period, run it now, and the run is listed with what it removed', async ({
  page,
  workerTenant,
}) => {
  await page.goto(`/${workerTenant.slug}/privacy/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy settings' })).toBeVisible();
  await page.getByLabel('Logs (days)').fill('0');
  await page.getByRole('button', { name: 'Save privacy settings' }).click();
  await expect(page.getByText('At least 1 day.')).toBeVisible();
  await page.getByLabel('Logs (days)').fill('30');
  await page.getByLabel('Raw events (days)').fill('400');
  await page.getByRole('button', { name: 'Save privacy settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Privacy settings saved.' })).toBeVisible();

  await page.getByRole('button', { name: 'Run retention now' }).click();
  const runs = page.getByRole('table', { name: 'Retention runs' });
  // The page refreshes itself while the job runs; the in-process runner finishes it.
  await expect(runs.getByRole('row').filter({ hasText: 'manual' }).first()).toBeVisible({ timeout: 30_000 });
  const status = page.getByRole('table', { name: 'Retention status' });
  await expect(status.getByRole('row').filter({ hasText: 'Raw events' })).toContainText('400 days');
  await expect(status.getByRole('row').filter({ hasText: 'Inactive shoppers' })).toContainText(
    'Keep forever',
  );
  await expect(page.getByText('The audit log is append-only and hash-chained')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('the audit chain verifies from the audit page, and the compliance report carries its head hash', async ({
  page,
  workerTenant,
}) => {
  await page.goto(`/${workerTenant.slug}/audit`);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  const result = page.getByTestId('chain-result');
  await expect(result).toContainText('Intact');
  await expect(result).toContainText(/entries checked/);
  const head = (await result.getByText(/^Head: /).textContent())?.replace('Head: ', '').trim() ?? '';
  expect(head).toMatch(/^[0-9a-f]{64}$/);
  await expectNoA11yViolations(page);

  await page.goto(`/${workerTenant.slug}/privacy`);
  await expect(page.getByRole('heading', { level: 1, name: 'Privacy' })).toBeVisible();
  await expect(page.getByText(head)).toBeVisible();
  await expectNoA11yViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download compliance report' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^compliance-report-${workerTenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.html$`),
  );
  const html = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(html).toContain('Privacy compliance report');
  expect(html).toContain(`(${workerTenant.slug})`);
  expect(html).toContain(head);
  expect(html).toContain('<h3>shoppers</h3>');
});

test('the data map lists encrypted shopper fields', async ({ page, workerTenant }) => {
  await page.goto(`/${workerTenant.slug}/privacy/data-map`);
  const shoppers = page.getByRole('table', { name: 'Personal data in shoppers' });
  await expect(shoppers.getByRole('row').filter({ hasText: 'email_enc' })).toContainText('Encrypted');
  await expect(shoppers.getByRole('row').filter({ hasText: 'email_hash' })).toContainText('Keyed hash');
  await expectNoA11yViolations(page);
});
