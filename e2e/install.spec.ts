import { expect, expectNoA11yViolations, signUp, test } from './fixtures';

/** The Storefront install page (issue 4): keys, the generated tags, copy buttons, the widget look. */

test('the install page fills in the publishable key and saves the widget look', async ({ page, context }) => {
  test.slow(); // a sign-up (argon2) and accessibility scans on a busy machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const owner = await signUp(page, { label: 'install' });

  await page.goto(`/${owner.slug}/install`);
  await expect(page.getByRole('heading', { level: 1, name: 'Storefront install' })).toBeVisible();
  await expect(page.getByText('No publishable key yet')).toBeVisible();
  await expect(page.getByText(/Create a publishable key with your shop’s origin/)).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'Go to API keys' }).click();
  await page.getByRole('radio', { name: /Publishable key/ }).check();
  await page.getByLabel('Name', { exact: true }).fill('Shop');
  await page.getByLabel('Allowed origins').fill('https://shop.example.com');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByRole('textbox', { name: 'Publishable key' }).inputValue();
  expect(key).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
  await page.getByRole('button', { name: 'Done, I have copied it' }).click();

  await page.goto(`/${owner.slug}/install`);
  await expect(page.getByLabel('Publishable key')).toContainText(`Shop (${key.slice(0, 10)}…)`);
  await expect(page.getByText('Works from: https://shop.example.com')).toBeVisible();
  const tag = page.getByRole('region', { name: '1. Script tag' });
  await expect(tag).toContainText('data-key="pk_YOUR_PUBLISHABLE_KEY"');

  // A key that is not the selected one is refused; the right one fills every tag.
  await page.getByLabel('Paste the full key (optional)').fill(`pk_${'x'.repeat(32)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'This is not the key “Shop”' })).toBeVisible();
  await page.getByLabel('Paste the full key (optional)').fill(key);
  const origin = new URL(page.url()).origin;
  await expect(tag).toContainText(`<script async src="${origin}/t.js" data-key="${key}"></script>`);
  await page.getByRole('button', { name: 'Copy' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: '1. Script tag: copied to the clipboard.' }),
  ).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`data-key="${key}"`);

  const csp = page.getByRole('region', { name: '4. Content-Security-Policy' });
  await expect(csp).toContainText(`script-src ${origin}`);
  await expect(csp).toContainText(`connect-src ${origin}`);
  await page.getByText('Optional: call tailor() before the script has loaded').click();
  await expect(page.getByRole('region', { name: 'CSP with the stub’s hash' })).toContainText(
    /'sha256-[A-Za-z0-9+/]+=*'/,
  );
  await expectNoA11yViolations(page);

  // The loader it points at is served, and points at the main bundle with a cache buster.
  const loader = await page.request.get('/t.js');
  expect(loader.status()).toBe(200);
  const loaderText = await loader.text();
  expect(loaderText).toContain('/tailor.js');
  const build = /\?v=([0-9a-f]{10})/.exec(loaderText)?.[1];
  expect(build).toBeDefined();
  const main = await page.request.get(`/tailor.js?v=${build}`);
  expect(main.status()).toBe(200);
  expect(await main.text()).toContain('data-tailor-placement');

  // Widget look: a bad colour is refused next to its field; a good one is saved and previewed.
  const accent = page.getByLabel('Accent colour');
  await accent.fill('red');
  await page.getByRole('button', { name: 'Save widget look' }).click();
  await expect(page.getByText('Use a colour like #1f6feb.')).toBeVisible();
  await expect(accent).toHaveAttribute('aria-invalid', 'true');
  await accent.fill('#cc0000');
  await page.getByLabel('Default title').fill('Picked for you');
  const preview = page.getByRole('figure', { name: 'Widget preview' });
  await expect(preview).toContainText('Picked for you');
  await expect(preview.getByText(/24[.,]99/)).toHaveCSS('color', 'rgb(204, 0, 0)');
  await page.getByRole('button', { name: 'Save widget look' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Widget look saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Accent colour')).toHaveValue('#cc0000');
  await expect(page.getByLabel('Default title')).toHaveValue('Picked for you');
  await expectNoA11yViolations(page);
});
