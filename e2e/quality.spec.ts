import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';

test('Data → Quality shows the demo store’s sources, gaps and stitching, accessibly', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Quality', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/quality$`));
  await expect(nav.getByRole('link', { name: 'Quality', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Data quality' })).toBeVisible();
  for (const title of ['Sources', 'Rejected, and why', 'Missing fields', 'Freshness', 'Identity stitching']) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  // The demo catalog and shoppers are there, so completeness has rows.
  await expect(page.getByRole('table', { name: 'Missing fields' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Example: send an event with curl' })).toContainText(
    '/api/v1/events',
  );
  await expectNoA11yViolations(page);
});
