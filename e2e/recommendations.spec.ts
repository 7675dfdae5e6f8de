import { DEMO, expect, expectNoA11yViolations, personalCustomerUrl, signIn, test } from './fixtures';

test.describe('recommendations pages on the demo store', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
  });

  test('Preview shows every scenario for a shopper and a product, with reasons', async ({ page }) => {
    test.slow(); // the first request may load the trained model
    await page.goto(`/${DEMO.slug}/preview`);
    await expect(page.getByRole('heading', { level: 1, name: 'Preview' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'For you' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Trending' })).toBeVisible();
    await expectNoA11yViolations(page);

    // A suggested customer, then a product on screen from the catalog: similar items appear.
    await page.getByRole('navigation', { name: 'Recent customers' }).getByRole('link').first().click();
    await expect(page).toHaveURL(/shopper=/);
    await page.getByLabel('Find products for the context or the cart (optional)').fill('shirt');
    await page.getByLabel('Find products for the context or the cart (optional)').press('Enter');
    await page
      .getByRole('link', { name: /^Use .* as the product on screen$/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Similar items' })).toBeVisible();
    const trending = page.getByRole('region', { name: 'Trending' });
    await expect(trending.getByRole('listitem').first()).toBeVisible();
    await expectNoA11yViolations(page);

    // A visit built by clicking: viewing a recommended product puts it on screen, the product
    // before joins the visit's views, and "Recently viewed" lists it. For a customer who did not
    // refuse personalization: the visit of one who did is rightly not used (the storefront sends
    // it only with consent), and the first recent customer is sometimes one.
    const item = new URL(page.url()).searchParams.get('item');
    expect(item).toBeTruthy();
    await page.goto(`${await personalCustomerUrl(page)}&item=${item}`);
    await expect(page.getByRole('heading', { name: 'Similar items' })).toBeVisible();
    await page
      .getByRole('region', { name: 'For you' })
      .getByRole('link', { name: /^View .*: it becomes the product on screen$/ })
      .first()
      .click();
    await expect(page).toHaveURL(/[?&]viewed=[^&]+/);
    const visit = page.getByRole('list', { name: 'Viewed in this visit, newest first' });
    await expect(visit.getByRole('listitem')).toHaveCount(1);
    const viewedTitle = ((await visit.getByRole('listitem').first().textContent()) ?? '').trim();
    const recently = page.getByRole('region', { name: 'Recently viewed' });
    // The link reads "Rank n: <title>": a substring match on the title.
    await expect(recently.getByRole('link', { name: viewedTitle }).first()).toBeVisible();
    await expectNoA11yViolations(page);

    // A shopper picked from a segment (the RFM classes fill once the demo's profiles are built).
    const members = page.getByRole('navigation', { name: 'Shoppers in Champions' });
    await expect(async () => {
      await page.goto(`/${DEMO.slug}/preview`);
      await page.getByLabel('Or a shopper from a segment').selectOption({ label: 'Champions' });
      await page.getByRole('button', { name: 'Show recommendations' }).click();
      await expect(members.getByRole('link').first()).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    const first = members.getByRole('link').first();
    const picked = ((await first.textContent()) ?? '').trim();
    expect(picked).not.toBe('');
    await first.click();
    await expect(page).toHaveURL(/[?&]shopper=[^&]+/);
    await expect(page).toHaveURL(/[?&]segment=[0-9a-f-]{36}/);
    // The lists are now for that shopper (the summary names them), and the segment stays chosen.
    await expect(page.getByRole('definition').filter({ hasText: picked })).toBeVisible();
    await expect(page.getByLabel('Or a shopper from a segment')).toHaveValue(/^[0-9a-f-]{36}$/);
    await expectNoA11yViolations(page);
  });

  test('Model quality shows the training state and lets an owner train now', async ({ page }) => {
    // The action queues a training; with the embedded database it waits behind whatever query a
    // background job is running (the demo's jobs read all of its 250k events), so allow minutes.
    test.setTimeout(180_000);
    await page.goto(`/${DEMO.slug}/model-quality`);
    await expect(page.getByRole('heading', { level: 1, name: 'Model quality' })).toBeVisible();
    // The demo queues its first training when it is seeded: either it is done or it is on its way.
    await expect(
      page.getByRole('heading', { name: 'Versions' }).or(page.getByText('No model trained yet')),
    ).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('button', { name: 'Train now' }).first().click();
    await expect(page.getByRole('heading', { name: 'Training' })).toBeVisible({ timeout: 120_000 });
  });
});
