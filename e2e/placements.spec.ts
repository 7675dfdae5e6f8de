import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

test('a merchant starts from the default placements and adds one with rules, accessibly', async ({
  page,
}) => {
  test.slow(); // a sign-up (argon2) and several accessibility scans
  const owner = await signUp(page, { label: 'placements' });

  await page.goto(`/${owner.slug}/placements`);
  await expect(page.getByRole('heading', { level: 1, name: 'Placements' })).toBeVisible();
  await expect(page.getByText('No placements yet')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Create the default placements' }).click();
  const table = page.getByRole('table', { name: 'Placements' });
  await expect(table.getByRole('row')).toHaveCount(6); // header + five defaults
  for (const key of ['home-for-you', 'product-similar', 'cart-bought-together', 'trending', 'buy-again']) {
    await expect(table.getByText(key, { exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'New placement' }).click();
  await page.getByLabel('Name').fill('Summer picks');
  await page.getByLabel('Key').fill('summer-picks');
  await page.getByRole('radio', { name: /Trending/ }).check();
  await page.getByLabel('Products shown').fill('6');
  await page.getByLabel('Never these brands').fill('Acme');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Create placement' }).click();

  await expect(page).toHaveURL(new RegExp(`/${owner.slug}/placements$`));
  const row = page
    .getByRole('table', { name: 'Placements' })
    .getByRole('row')
    .filter({ hasText: 'summer-picks' });
  await expect(row).toContainText('Acme');
  await expectNoA11yViolations(page);

  // The key is unique per workspace: a second placement with it gets the error next to the field.
  await page.goto(`/${owner.slug}/placements/new`);
  await page.getByLabel('Name').fill('Again');
  await page.getByLabel('Key').fill('summer-picks');
  await page.getByRole('radio', { name: /Trending/ }).check();
  await page.getByRole('button', { name: 'Create placement' }).click();
  await expect(page.locator('#pl-key-error')).toHaveText('This key is already used by another placement.');
  await expect(page.getByLabel('Key')).toHaveAttribute('aria-invalid', 'true');
});

test('the demo store answers its home placement through the recommendations API', async ({
  page,
  request,
}) => {
  test.slow();
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto(`/${DEMO.slug}/api-keys`);
  await page.getByLabel('Name', { exact: true }).fill(`reco-${Date.now()}`);
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();

  const res = await request.get('/api/v1/recommendations?placement=home-for-you&k=5&explain=1', {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    scenario: string;
    items: { productId: string; reasons?: unknown[] }[];
  };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.length).toBeLessThanOrEqual(5);
  expect(new Set(body.items.map((i) => i.productId)).size).toBe(body.items.length);
});
