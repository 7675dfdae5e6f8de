import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

test.describe('Models → Fairness: recommendations', () => {
  // One after the other: the demo's training and report jobs run in the server's process and can
  // hold a concurrent page load past its timeout; the floor test also changes the demo's settings.
  test.describe.configure({ mode: 'serial' });
  test('the demo owner runs the report and reads the summary, charts and mitigation table', async ({
    page,
  }) => {
    test.setTimeout(600_000); // the report waits behind the demo's training in the in-process runner
    await signIn(page, DEMO.email, DEMO.password);
    const section = page.locator('section[aria-labelledby="fair-recs"]');
    const run = section.getByRole('button', { name: /^Run (the first )?report$/ });
    // The button appears once the demo's recommendation model is live (trained after the seed).
    await expect(async () => {
      await page.goto(`/${DEMO.slug}/fairness`);
      await expect(run).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 420_000, intervals: [10_000] });
    await run.click();
    const table = section.getByRole('table', { name: 'Mitigation: before and after on the held-out period' });
    await expect(
      section
        .getByRole('status')
        .filter({ hasText: /Report queued|already queued or running/ })
        .or(section.getByRole('progressbar', { name: 'Report progress' }))
        .or(table)
        .first(),
    ).toBeVisible({ timeout: 60_000 });
    await expect(async () => {
      await page.reload();
      await expect(table).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 420_000, intervals: [5_000] });

    await expect(section.getByTestId('fairness-summary').getByRole('listitem').first()).toHaveText(
      /^New products get [\d.]+ % of what shoppers see but are [\d.]+ % of the catalog/,
    );
    for (const metric of [
      'NDCG@10 (ranking quality)',
      'New products: share of exposure',
      'Gini of exposure (0 = even)',
    ])
      await expect(
        table.getByRole('row', { name: new RegExp(`^${metric.replace(/[()@]/g, '\\$&')}`) }),
      ).toBeVisible();
    await expect(
      section.getByRole('img', { name: /^Brand: share of catalog, purchases and exposure/ }),
    ).toBeVisible();
    await expect(section.getByRole('img', { name: /^Product age: share of catalog/ })).toBeVisible();
    await expect(section.getByRole('img', { name: /^Lorenz curve of exposure: Gini / })).toBeVisible();
    await expect(
      section.getByRole('img', { name: /^By shopper country: NDCG@10 per segment/ }),
    ).toBeVisible();
    await expect(section.getByRole('table', { name: 'New vs returning shoppers' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('the owner saves a floor; 80 % is refused with a clear message', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.email, DEMO.password);
    await page.goto(`/${DEMO.slug}/fairness`);
    const form = page.getByRole('form', { name: 'Recommendation mitigation' });
    const floor = form.getByLabel('Minimum share for new products (%)');
    await floor.fill('80');
    await form.getByRole('button', { name: 'Save mitigation' }).click();
    await expect(form.getByText('The new-products floor is at most 50 %.')).toBeVisible();
    await expect(floor).toHaveAttribute('aria-invalid', 'true');

    await floor.fill('20');
    await form.getByRole('button', { name: 'Save mitigation' }).click();
    await expect(form.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();
    await page.reload();
    await expect(floor).toHaveValue('20');

    // Back to off, so the storefront specs sharing the demo workspace see unmitigated lists.
    await floor.fill('0');
    await form.getByRole('button', { name: 'Save mitigation' }).click();
    await expect(form.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();
  });

  test('a workspace without a trained model shows what to do first', async ({ page }) => {
    const owner = await signUp(page, { label: 'fair-empty' });
    await page.goto(`/${owner.slug}/fairness`);
    const section = page.locator('section[aria-labelledby="fair-recs"]');
    await expect(section.getByText('No recommendation model trained yet')).toBeVisible();
    await expect(section.getByRole('link', { name: 'Train recommendations first' })).toHaveAttribute(
      'href',
      `/${owner.slug}/model-quality`,
    );
    await expectNoA11yViolations(page);
  });
});
