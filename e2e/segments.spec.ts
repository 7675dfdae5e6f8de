import fs from 'node:fs';
import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

test('a merchant builds a segment with two conditions, sees its live size, saves it and downloads its members', async ({
  page,
}) => {
  test.slow(); // accessibility scans and a CSV download over the demo's shoppers
  await signIn(page, DEMO.email, DEMO.password);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Segments', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();

  await page.goto(`/${DEMO.slug}/segments/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'New segment' })).toBeVisible();
  const name = `DACH customers ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  const live = page.getByTestId('live-size');
  // Without conditions the segment holds everyone: the count is the whole workspace.
  await expect(live).toHaveText(/^[\d,]+ shoppers? match/);
  const countOf = async () =>
    Number((await live.textContent())?.match(/^[\d,]+/)?.[0].replace(/,/g, '') ?? 'NaN');
  const everyone = await countOf();

  await page.getByRole('button', { name: 'Add a condition' }).click();
  await page.getByLabel('Field of condition 1').selectOption({ label: 'Shopper type' });
  await page.getByLabel('Value of condition 1').selectOption({ label: 'Customer' });
  await page.getByRole('button', { name: 'Add a condition' }).click();
  await page.getByLabel('Field of condition 2').selectOption({ label: 'Country' });
  await page.getByLabel('Operator of condition 2').selectOption({ label: 'is one of' });
  await page.getByLabel('Value of condition 2').fill('DE, AT');
  await expect(live).toHaveText(/^[\d,]+ shoppers? match/);
  await expect(async () => {
    const n = await countOf();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(everyone);
  }).toPass({ timeout: 10_000 });
  const size = (await live.textContent())?.match(/^[\d,]+/)?.[0] ?? '';
  await expectNoA11yViolations(page);

  // A bad value is named next to its condition, not saved.
  await page.getByLabel('Operator of condition 2').selectOption({ label: 'is' });
  await page.getByLabel('Value of condition 2').fill('');
  await page.getByRole('button', { name: 'Create segment' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Condition 2: enter a value.' }).first(),
  ).toBeVisible();
  await page.getByLabel('Operator of condition 2').selectOption({ label: 'is one of' });
  await page.getByLabel('Value of condition 2').fill('DE, AT');
  await expect(live).toHaveText(new RegExp(`^${size} shoppers? match`));

  await page.getByRole('button', { name: 'Create segment' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('segment-size')).toHaveText(size);
  await expect(page.getByText('Shopper type is Customer')).toBeVisible();
  await expect(page.getByText('Country is one of DE, AT')).toBeVisible();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row').nth(1)).toBeVisible();
  await expectNoA11yViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'shopper_id,external_id,name,email,country,kind,orders,monetary_minor,rfm_segment,churn,propensity,clv_minor',
  );
  // The export leaves out members who denied advertising consent; the page says how many.
  const excludedText = (await page.getByTestId('segment-excluded').count())
    ? ((await page.getByTestId('segment-excluded').textContent()) ?? '')
    : '0';
  const excluded = Number(/^[\d,]+/.exec(excludedText.trim())?.[0]?.replace(/,/g, '') ?? 'NaN');
  expect(lines.length - 1).toBe(Number(size.replace(/,/g, '')) - excluded);
  expect(lines.slice(1).every((l) => /,(DE|AT),customer,/.test(l))).toBe(true);

  // The list shows it with its size.
  await page.goto(`/${DEMO.slug}/segments`);
  await expect(
    page.getByRole('table', { name: 'Segments' }).getByRole('row').filter({ hasText: name }),
  ).toContainText(size);
});

test('an empty workspace explains what segments are and how to start', async ({ page }) => {
  test.slow();
  const owner = await signUp(page, { label: 'segments' });
  await page.goto(`/${owner.slug}/segments`);
  await expect(page.getByText('No segments yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'New segment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Discover segments' })).toBeVisible();
  await expectNoA11yViolations(page);
  const res = await page.goto(`/${owner.slug}/segments/00000000-0000-4000-8000-000000000000`);
  expect(res?.status()).toBe(404);
});
