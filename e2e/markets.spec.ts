import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

test('Markets shows the demo store by country and language, sorts, and opens a market', async ({ page }) => {
  test.slow(); // several analytics pages and accessibility scans
  await signIn(page, DEMO.email, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Markets', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/markets$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Markets' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Markets' });
  const germany = table.getByRole('row', { name: /Germany \(DE\)/ });
  await expect(germany).toBeVisible();
  await expect(germany).toContainText('€');
  await expect(table.getByRole('row')).not.toHaveCount(2); // header + more than one market
  await expect(page.getByRole('img', { name: 'Revenue in EUR' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Period length' }).getByRole('link', { name: '90 days' }),
  ).toHaveAttribute('aria-current', 'page');
  await expectNoA11yViolations(page);

  // Sorting is a link per column header, reachable by keyboard; the sorted column says so.
  const ordersHeader = table.getByRole('columnheader', { name: /Orders/ });
  await ordersHeader.getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/sort=orders/);
  await expect(table.getByRole('columnheader', { name: /Orders/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // By language: the rows become languages.
  await page
    .getByRole('navigation', { name: 'Group markets by' })
    .getByRole('link', { name: 'By language' })
    .click();
  await expect(page).toHaveURL(/by=locale/);
  await expect(table.getByRole('row', { name: /German \(de\)/ })).toBeVisible();

  // One market in detail: local-time heatmaps, categories, price sensitivity, its closest market.
  await page
    .getByRole('navigation', { name: 'Group markets by' })
    .getByRole('link', { name: 'By country' })
    .click();
  await table.getByRole('link', { name: 'Germany (DE)' }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/markets/DE`));
  await expect(page.getByRole('heading', { level: 1, name: 'Germany (DE)' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Paid orders in Germany (DE) by weekday and local hour' }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Top categories' }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByText('Price position').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Most similar market' })).toBeVisible();
  const productLink = page.locator(`a[href^="/${DEMO.slug}/products/"]`).first();
  await expect(productLink).toHaveAttribute('href', new RegExp(`^/${DEMO.slug}/products/[0-9a-f-]{36}$`));
  await expectNoA11yViolations(page);

  // Earlier period: a shareable URL with the end day; an unknown market is not found.
  await page.getByRole('link', { name: '← Earlier' }).click();
  await expect(page).toHaveURL(/end=\d{4}-\d{2}-\d{2}/);
  expect((await page.goto(`/${DEMO.slug}/markets/XX`))?.status()).toBe(404);
});

const ORDERS = [
  'order_id,sku,quantity,price,date,currency,country',
  'M-1,boot,1,100.00,2026-03-02 10:00,EUR,DE',
  'M-2,boot,2,50.00,2026-03-03 10:00,USD,US',
].join('\n');

test('a rate set on the exchange-rates page converts revenue on the Markets page', async ({
  page,
  browser,
}) => {
  test.slow(); // sign-up, an import job, several pages
  const owner = await signUp(page, { label: 'markets' });
  await page.goto(`/${owner.slug}/markets`);
  await expect(page.getByText('No orders or visits yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import orders' })).toHaveAttribute(
    'href',
    `/${owner.slug}/import`,
  );

  await page.goto(`/${owner.slug}/import`);
  await page
    .getByLabel('File to import')
    .setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS) });
  await page.getByLabel('The file holds').selectOption('orders');
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible({ timeout: 45_000 });

  await page.goto(`/${owner.slug}/markets`);
  const table = page.getByRole('table', { name: 'Markets' });
  await expect(table.getByRole('row', { name: /Germany \(DE\)/ })).toContainText('€100.00');
  const us = table.getByRole('row', { name: /United States \(US\)/ });
  await expect(us).toContainText('€0.00');
  await expect(us).toContainText('1 in USD not converted');
  const note = page.getByRole('note').filter({ hasText: 'without an exchange rate' });
  await expect(note).toContainText('USD (1 orders)');
  await note.getByRole('link', { name: 'Set exchange rates' }).click();

  await expect(page).toHaveURL(new RegExp(`/${owner.slug}/settings/currency$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange rates' })).toBeVisible();
  const rates = page.getByRole('table', { name: 'Exchange rates' });
  await expect(rates.getByRole('row', { name: /USD/ })).toContainText('Missing');
  await expectNoA11yViolations(page);

  // A bad rate: the error sits next to the field, which gets focus; nothing is saved.
  await page.getByLabel('Currency').fill('usd');
  const rate = page.getByLabel('Rate in EUR');
  await rate.fill('-1');
  await page.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByText('Enter the rate as a positive number, such as 0.92.')).toBeVisible();
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(rate).toBeFocused();
  await expectNoA11yViolations(page);

  await rate.fill('0.5');
  await page.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved: 1 USD = 0.5 EUR.' })).toBeVisible();
  await expect(rates.getByRole('row', { name: /USD/ })).toContainText('1 USD = 0.5 EUR');

  await page.goto(`/${owner.slug}/markets`);
  await expect(table.getByRole('row', { name: /United States \(US\)/ })).toContainText('€50.00');
  await expect(page.getByRole('note').filter({ hasText: 'without an exchange rate' })).toHaveCount(0);

  // Another workspace sees none of it, under either address, and cannot change the rate.
  const other = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const otherPage = await other.newPage();
  const stranger = await signUp(otherPage, { label: 'markets-other' });
  for (const path of [
    `/${owner.slug}/markets`,
    `/${owner.slug}/markets/US`,
    `/${owner.slug}/settings/currency`,
  ]) {
    expect((await otherPage.goto(path))?.status(), path).toBe(404);
  }
  await otherPage.goto(`/${stranger.slug}/settings/currency`);
  await expect(otherPage.getByText('Everything is in EUR')).toBeVisible();
  await otherPage.goto(`/${stranger.slug}/markets`);
  await expect(otherPage.getByText('No orders or visits yet')).toBeVisible();
  await other.close();
});
