import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

test('Performance shows the demo store’s widget figures, uplift and chart, and changes period', async ({
  page,
}) => {
  await signIn(page, DEMO.email, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Performance', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/performance$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Performance' })).toBeVisible();

  // Headline figures: the demo has ~60 days of widget traffic, so views and revenue are not zero.
  const views = page.getByRole('definition').first();
  await expect(views).toHaveText(/[1-9]/);
  await expect(page.getByText('Attributed revenue', { exact: true })).toBeVisible();
  await expect(page.getByText(/% of widget views had no consent to identify/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Personalized vs holdout' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Conversion rate' })).toBeVisible();

  // The chart, with its table fallback: one row per day of the period (+ header).
  await expect(page.getByRole('img', { name: 'Widget views per day' })).toBeVisible();
  const days = page.getByRole('table', { name: 'Widget views per day' }).getByRole('row');
  const rows30 = await days.count();
  expect(rows30).toBeGreaterThanOrEqual(31);
  // Today is only part of a day, and named so (in UTC, as the chart's days).
  await expect(days.last().getByRole('cell').first()).toContainText(/so far, until .* UTC/);

  const byPlacement = page.getByRole('table', { name: 'Performance by placement' });
  await expect(byPlacement.getByRole('row', { name: /Home page: for you/ })).toBeVisible();
  const byScenario = page.getByRole('table', { name: 'Performance by scenario' });
  await expect(byScenario.getByRole('row', { name: /^For you/ })).toBeVisible();
  // Both arms under one group header per measure.
  await expect(byScenario.getByRole('columnheader', { name: 'Conversion', exact: true })).toBeVisible();
  await expect(byScenario.getByRole('columnheader', { name: 'Holdout', exact: true })).toHaveCount(2);
  await expectNoA11yViolations(page);

  // Another period: a link, marked current, and the series shrinks to a week.
  const period = page.getByRole('navigation', { name: 'Period' });
  await expect(period.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');
  await period.getByRole('link', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/period=7$/);
  await expect(period.getByRole('link', { name: 'Last 7 days' })).toHaveAttribute('aria-current', 'page');
  const rows7 = await days.count();
  expect(rows7).toBeLessThan(rows30);
  expect(rows7).toBeGreaterThanOrEqual(8);
  await expect(byPlacement.getByRole('row', { name: /Home page: for you/ })).toBeVisible();

  // An unknown period falls back to 30 days rather than failing.
  await page.goto(`/${DEMO.slug}/performance?period=abc`);
  await expect(period.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page');
});

test('a new workspace sees how to install the snippet, and saves the attribution settings', async ({
  page,
}) => {
  // Its own workspace: changing the demo's window would change figures other specs read.
  const owner = await signUp(page, { label: 'perf' });
  await page.goto(`/${owner.slug}/performance`);
  await expect(page.getByText('No widget views yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Install the storefront snippet' })).toHaveAttribute(
    'href',
    `/${owner.slug}/install`,
  );
  await expect(page.getByRole('link', { name: 'Set up placements' })).toHaveAttribute(
    'href',
    `/${owner.slug}/placements`,
  );
  const windowDays = page.getByLabel('Attribution window (days)');
  const holdout = page.getByLabel('Holdout share (%)');
  await expect(windowDays).toHaveValue('7');
  await expect(holdout).toHaveValue('10');
  await expectNoA11yViolations(page);

  // A bad value: the error sits next to the field, focus moves there, nothing is saved.
  await windowDays.fill('45');
  await page.getByRole('button', { name: 'Save attribution settings' }).click();
  await expect(page.getByText('The attribution window is 1–30 days.')).toBeVisible();
  await expect(windowDays).toHaveAttribute('aria-invalid', 'true');
  await expect(windowDays).toBeFocused();
  await expectNoA11yViolations(page);

  await windowDays.fill('14');
  await holdout.fill('20');
  await page.getByRole('button', { name: 'Save attribution settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Attribution window (days)')).toHaveValue('14');
  await expect(page.getByLabel('Holdout share (%)')).toHaveValue('20');
});
