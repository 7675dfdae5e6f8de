import { expect, expectNoA11yViolations, signUp, test } from './fixtures';

const CATALOG = [
  'sku,title,price,brand',
  'tee-1,Linen tee,29.90,Acme',
  'hat-2,Wool hat,-5,Acme',
  'scarf-3,"Scarf, long",19.5,',
  'sock-4,Socks,4,Acme',
].join('\n');

test('a CSV of products is uploaded, previewed, imported; the rejected row is in the error report', async ({
  page,
}) => {
  test.slow(); // a sign-up (argon2), a background job and several accessibility scans
  const owner = await signUp(page, { label: 'import' });

  await page.goto(`/${owner.slug}/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Import data' })).toBeVisible();
  await expect(page.getByText('No imports yet')).toBeVisible();
  await expectNoA11yViolations(page);

  await page
    .getByLabel('File to import')
    .setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(CATALOG) });
  await expect(page.getByLabel('The file holds')).toHaveValue('products');
  await page.getByRole('button', { name: 'Upload and preview' }).click();

  // The preview: the detected mapping, and the first rows checked.
  await expect(page.getByRole('heading', { level: 1, name: 'catalog.csv' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Check the mapping' })).toBeVisible();
  await expect(page.getByLabel('Product ID / SKU (required)')).toHaveValue('sku');
  await expect(page.getByLabel('Price (required)')).toHaveValue('price');
  await expect(page.getByLabel('Brand', { exact: true })).toHaveValue('brand');
  const preview = page.getByRole('table', { name: 'Preview of the first rows with the chosen mapping' });
  await expect(preview.getByRole('row').filter({ hasText: 'hat-2' })).toContainText('must not be negative');
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Start import' }).click();
  // The page follows the job (it refreshes itself) until the result shows.
  await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible({ timeout: 45_000 });
  const stat = (label: string) =>
    page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(stat('Rows accepted')).toHaveText('3');
  await expect(stat('New records')).toHaveText('3');
  await expect(stat('Rows rejected')).toHaveText('1');
  await expect(page.getByRole('region', { name: 'Why rows were rejected' })).toContainText(
    '1 × price: must not be negative',
  );
  await expectNoA11yViolations(page);

  // The error report is a CSV download of the workspace's own import.
  const link = page.getByRole('link', { name: /Download the error report/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(new RegExp(`^/${owner.slug}/import/[0-9a-f-]{36}/errors\\.csv$`));
  const report = await page.request.get(href!);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toContain('text/csv');
  const csv = (await report.text()).replace(/^\ufeff/, '');
  expect(csv.trim().split(/\r?\n/)).toEqual(['row,field,reason', '2,price,must not be negative']);

  // Another workspace's member cannot read it, under either workspace's address.
  const otherContext = await page
    .context()
    .browser()!
    .newContext({ baseURL: new URL(page.url()).origin });
  const otherPage = await otherContext.newPage();
  const other = await signUp(otherPage, { label: 'import-other' });
  const importId = href!.split('/')[3]!;
  for (const url of [href!, `/${other.slug}/import/${importId}/errors.csv`]) {
    expect((await otherPage.request.get(url)).status(), url).toBe(404);
  }
  await expect((await otherPage.goto(`/${other.slug}/import/${importId}`))?.status()).toBe(404);
  await otherContext.close();

  // Another visitor (no session) gets nothing.
  const anonymous = await page.context().browser()!.newContext();
  const refused = await anonymous.request.get(new URL(href!, page.url()).toString(), { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  await anonymous.close();

  // The products are in the catalog (read back through the REST API with a new secret key)…
  await page.goto(`/${owner.slug}/api-keys`);
  await page.getByLabel('Name', { exact: true }).fill('Import check');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
  const api = await page.request.get('/api/v1/products?limit=10', {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(api.status()).toBe(200);
  const { data } = (await api.json()) as { data: { externalId: string; title: Record<string, string> }[] };
  expect(data.map((p) => p.externalId).sort()).toEqual(['scarf-3', 'sock-4', 'tee-1']);
  expect(data.find((p) => p.externalId === 'scarf-3')?.title).toEqual({ en: 'Scarf, long' });
  // …and the import is in the history.
  await page.goto(`/${owner.slug}/import`);
  const row = page
    .getByRole('table', { name: 'Imports, newest first' })
    .getByRole('row')
    .filter({ hasText: 'catalog.csv' });
  await expect(row).toContainText('Imported');
  await expect(row).toContainText('Products');

  // Deleting the import removes it (and its report) but keeps the products.
  await row.getByRole('link', { name: 'catalog.csv' }).click();
  await page.getByRole('button', { name: 'Delete the import of catalog.csv' }).click();
  await page.getByRole('button', { name: 'Delete import' }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.slug}/import$`));
  await expect(page.getByText('No imports yet')).toBeVisible();
  expect((await page.request.get(href!)).status()).toBe(404);
});

test('the import pages require a signed-in member', async ({ page }) => {
  await page.goto('/demo/import');
  await expect(page).toHaveURL(/\/sign-in/);
});
