import fs from 'node:fs';
import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';
import { createPublishableKey } from './storefront/traffic';

test('a merchant creates a campaign, generates creatives, edits, approves and exports them, and sets banned words', async ({
  page,
}) => {
  test.setTimeout(240_000); // generation runs as a job on the demo's catalog
  await signIn(page, DEMO.email, DEMO.password);
  const nav = page.getByRole('navigation', { name: 'Main' });
  // The overview after sign-in is the demo's heaviest page: give its first render time.
  await expect(nav.getByRole('link', { name: 'Campaigns', exact: true })).toHaveAttribute(
    'href',
    `/${DEMO.slug}/ads`,
    { timeout: 30_000 },
  );
  // Ads link to product pages on the store's own address: a publishable key's allowed origin
  // tells Tailor where the shop lives (the demo has no store connection).
  await createPublishableKey(page, DEMO.slug, `ads-e2e-${Date.now()}`, 'https://shop.example');
  await page.goto(`/${DEMO.slug}/ads`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ad campaigns' })).toBeVisible();
  await expectNoA11yViolations(page);

  // The editor: two languages, a search ad and an on-site banner (which needs its slot's key).
  await page.goto(`/${DEMO.slug}/ads/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
  const name = `Winter push ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('German (de)').check();
  await page.getByLabel('On-site banner', { exact: true }).check();
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /placement key/i })
      .first(),
  ).toBeVisible();
  await page.getByLabel('Placement key').fill('home-hero');
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('placement “home-hero”')).toBeVisible();

  // Generate with the template provider (the default) and wait for the job.
  await page.getByRole('button', { name: 'Generate creatives' }).click();
  const progress = page.getByTestId('generation-progress');
  await expect(async () => {
    await page.reload();
    await expect(progress).toContainText('finished', { timeout: 2_000 });
  }).toPass({ timeout: 180_000, intervals: [2_000] });

  const gallery = page.getByTestId('creative-gallery');
  await expect(gallery.getByRole('heading', { level: 4, name: 'English (en)' }).first()).toBeVisible();
  await expect(gallery.getByRole('heading', { level: 4, name: 'German (de)' }).first()).toBeVisible();
  await expect(gallery.getByTestId('preview-banner').first()).toBeVisible();
  // Every stored creative passed its guardrails; the passed checks are folded into one line.
  await expect(gallery.getByTestId('guardrail-results').first()).toContainText(/\d+ checks passed/);
  await expectNoA11yViolations(page);

  // Only the search ads, through the filter.
  await page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Google search ad' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/channel=google-rsa/);
  const cards = page.getByTestId('creative');
  await expect(cards.first().getByTestId('preview-google-rsa')).toBeVisible();
  expect(await page.getByTestId('preview-banner').count()).toBe(0);
  expect(await cards.count()).toBeGreaterThanOrEqual(2);

  // An edited headline over Google's 30-character limit is refused with the length reason, not saved.
  const second = cards.nth(1);
  const secondId = await second.getAttribute('data-creative-id');
  const secondCard = page.locator(`[data-creative-id="${secondId}"]`);
  const before = await secondCard.getByTestId('preview-google-rsa').locator('p.text-lg').textContent();
  await secondCard.getByRole('button', { name: /^Edit Creative \d+$/ }).click();
  const headline = secondCard.getByLabel('Headline 1', { exact: true });
  await headline.fill('An extraordinarily long headline, far too long');
  await expect(secondCard.getByText('46/30')).toBeVisible();
  await secondCard.getByRole('button', { name: 'Save and re-check' }).click();
  const refused = secondCard.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('Within the channel’s length limits');
  await expect(refused).toContainText(/30/);
  await page.reload();
  await expect(secondCard.getByTestId('preview-google-rsa').locator('p.text-lg')).toHaveText(before ?? '');

  // Approve the first search ad; only approved creatives are exported.
  const first = cards.first();
  const firstId = await first.getAttribute('data-creative-id');
  const firstCard = page.locator(`[data-creative-id="${firstId}"]`);
  const headlines =
    (await firstCard.getByTestId('preview-google-rsa').locator('p.text-lg').textContent()) ?? '';
  const headline1 = headlines.split(' | ')[0] ?? '';
  expect(headline1.length).toBeGreaterThan(0);
  await firstCard.getByRole('button', { name: /^Approve Creative \d+$/ }).click();
  await expect(firstCard.getByText('Approved', { exact: true })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Google Ads Editor CSV' }).click(),
  ]);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8').replace(/^\ufeff/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^Campaign,Ad group,Ad type,Headline 1,/);
  expect(lines[0]).toContain('Description 1');
  expect(lines.length).toBe(2); // the header and the one approved search ad
  expect(lines[1]).toContain(headline1);
  expect(lines[1]).toMatch(/https?:\/\/\S/); // an absolute landing page
  expect(lines[1]).toContain(name);

  // Settings: banned words are saved and shown again.
  await expect(nav.getByRole('link', { name: 'Ad settings', exact: true })).toHaveAttribute(
    'href',
    `/${DEMO.slug}/ads/settings`,
  );
  await page.goto(`/${DEMO.slug}/ads/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ad settings' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('Banned words').fill('cheapest\nknock-off');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Banned words')).toHaveValue('cheapest\nknock-off');
});
