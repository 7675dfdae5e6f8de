import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';

test.describe('Models → Explanations', () => {
  test('a demo shopper’s churn risk as a waterfall with labelled features, then a product’s explanation', async ({
    page,
  }) => {
    test.setTimeout(600_000); // the demo's predictions train in the background after its seed
    await signIn(page, DEMO.email, DEMO.password);
    await page.goto(`/${DEMO.slug}/explanations`);
    await expect(page.getByRole('heading', { level: 1, name: 'Explanations' })).toBeVisible();
    await expect(page.getByText(/the steps add up exactly to the score/)).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'Explanation views' });
    await expect(tabs.getByRole('link', { name: 'Per shopper' })).toHaveAttribute('aria-current', 'page');

    // An unknown shopper is "not found", never an error page.
    await page.getByLabel('Shopper', { exact: true }).fill('no-such-shopper');
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Shopper not found' })).toBeVisible();

    // The quick pick appears once churn is trained (by the seed's job or the Predictions spec).
    const pick = page.getByRole('link', { name: 'highest churn risk' });
    await expect(async () => {
      await page.goto(`/${DEMO.slug}/explanations`);
      await expect(pick).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 540_000, intervals: [10_000] });
    await pick.click();
    await expect(page).toHaveURL(/[?&]shopper=[0-9a-f-]{36}/);

    const churn = page.locator('section[data-kind="churn"]');
    const chart = churn.getByRole('img', {
      name: /^Churn risk waterfall: From the typical shopper \d+% to this shopper \d+%\./,
    });
    await expect(chart).toBeVisible();
    // Feature names with the shopper's value, e.g. "Days since last order: 41".
    await expect(
      chart
        .locator('text')
        .filter({ hasText: /^[A-Z][^:]+: .+/ })
        .first(),
    ).toBeVisible();
    await churn.getByText('Show the figures').click();
    const figures = churn.getByRole('table', { name: 'Churn risk waterfall: contributions' });
    await expect(figures.getByRole('cell', { name: 'Typical shopper (base value)' })).toBeVisible();
    expect(await figures.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await expect(figures.getByRole('cell', { name: /^[A-Z][^:]+: .+/ }).first()).toBeVisible();
    await expectNoA11yViolations(page);

    // Per item: a product of the demo by its store id.
    await page.goto(`/${DEMO.slug}/products`);
    const product = page.locator('a[href*="/products/"]').filter({ hasText: /\S/ }).first();
    const href = (await product.getAttribute('href')) ?? '';
    const productId = /\/products\/([0-9a-f-]{36})/.exec(href)?.[1];
    expect(productId).toBeTruthy();
    await page.goto(`/${DEMO.slug}/explanations?view=item`);
    await expect(tabs.getByRole('link', { name: 'Per item' })).toHaveAttribute('aria-current', 'page');
    await page.getByLabel('Product', { exact: true }).fill(productId!);
    await page.getByRole('button', { name: 'Explain' }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]product=${productId}`));
    await expect(page.getByText(/^(In|Not in) the model$/)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Product not found' })).toHaveCount(0);
    await expectNoA11yViolations(page);

    await page.goto(`/${DEMO.slug}/explanations?product=not-a-product`);
    await expect(page.getByRole('status').filter({ hasText: 'Product not found' })).toBeVisible();
  });
});
