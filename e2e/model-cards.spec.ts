import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';

test.describe('Models → Cards', () => {
  test('the demo’s live churn model has a card with calibration, partial dependence and limitations', async ({
    page,
  }) => {
    test.setTimeout(600_000); // the demo's predictions train in the background after its seed
    await signIn(page, DEMO.email, DEMO.password);
    await page.goto(`/${DEMO.slug}/model-cards`);
    await expect(page.getByRole('heading', { level: 1, name: 'Model cards' })).toBeVisible();
    await expect(
      page.getByText(/whether today’s shoppers still look like the ones it was trained on/),
    ).toBeVisible();

    // A tile per live kind once training has run (by the seed's job or the Predictions spec).
    const churnTile = page.getByRole('article', { name: 'Churn risk model card' });
    await expect(async () => {
      await page.goto(`/${DEMO.slug}/model-cards`);
      await expect(churnTile.getByRole('link', { name: 'Open the model card' })).toBeVisible({
        timeout: 2_000,
      });
    }).toPass({ timeout: 540_000, intervals: [10_000] });
    await expect(churnTile).toContainText(/AUC/);
    await expect(churnTile).toContainText(/shoppers/);
    await expect(page.getByRole('table', { name: 'Churn risk versions' })).toContainText('live');
    await expectNoA11yViolations(page);

    await churnTile.getByRole('link', { name: 'Open the model card' }).click();
    // Right after training, the in-process drift and fairness jobs keep the embedded server busy:
    // the navigation commits later than the default 10 s on a loaded CI machine.
    await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/model-cards/[0-9a-f-]{36}$`), { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1, name: /^Churn risk — version \d+$/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Data and population' })).toBeVisible();
    await expect(page.getByText(/in the training population/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Churn risk: model vs baselines' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Calibration of the churn risk model' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Feature importance, churn risk' })).toBeVisible();
    // Partial dependence: small multiples, each an image with a table behind it (or the rule's note).
    const pd = page.getByRole('list', { name: 'Partial dependence per feature' });
    const ruleNote = page.getByText(/small-store rule is a fixed formula/);
    await expect(pd.or(ruleNote).first()).toBeVisible();
    if (await pd.isVisible()) {
      await expect(pd.getByRole('img').first()).toHaveAttribute('aria-label', /average prediction \d+%/);
      await expect(
        page.getByRole('table', { name: /average predicted probability per value/ }).first(),
      ).toBeAttached();
    }
    await expect(page.getByRole('heading', { name: 'Known limitations' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Features used' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Drift' })).toBeVisible();
    await expectNoA11yViolations(page);

    // "Check drift now" queues the job; its measurement shows in the drift history.
    await page.getByRole('button', { name: 'Check drift now' }).click();
    // The embedded database answers one query at a time: while a job reads the demo's 250k
    // events, the action's insert waits its turn (CI saw "Queuing…" for over 10 s).
    await expect(
      page.getByRole('status').filter({ hasText: /Drift check queued|already queued or running/ }),
    ).toBeVisible({ timeout: 60_000 });
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('table', { name: 'Drift checks' })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 120_000, intervals: [3_000] });
    await expect(page.getByRole('list', { name: 'Population stability index per feature' })).toBeVisible();

    // An unknown id is not found.
    const res = await page.goto(`/${DEMO.slug}/model-cards/00000000-0000-4000-8000-000000000000`);
    expect(res?.status()).toBe(404);
  });
});
