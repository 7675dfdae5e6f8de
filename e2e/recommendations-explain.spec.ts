import { DEMO, expect, expectNoA11yViolations, personalCustomerUrl, signIn, test } from './fixtures';

/**
 * Recommendation explanations (issue 8) on the demo store: every item's reasons with their share
 * of the score in the preview, the counterfactual lists of a customer, and `explain=1` in the API.
 * The demo queues its first training when seeded: the preview is reloaded until the model serves.
 */
test.describe('recommendation explanations on the demo store', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
  });

  test('Preview shows several reasons with percentages and what-if lists for a customer', async ({
    page,
  }) => {
    test.setTimeout(600_000);
    await personalCustomerUrl(page);
    const multi = page.locator('ul[aria-label^="Why "]').filter({ has: page.locator('li:nth-child(2)') });
    await expect(async () => {
      await page.reload();
      await expect(multi.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 540_000, intervals: [5_000, 10_000] });

    // Each reason has a bar read as "NN % of the score" and the percentage as text.
    const reasons = multi.first().getByRole('listitem');
    expect(await reasons.count()).toBeGreaterThanOrEqual(2);
    for (const reason of await reasons.all()) {
      await expect(reason.getByRole('img', { name: /%.*of the score$/ })).toHaveCount(1);
      await expect(reason).toContainText(/\d+\s?%/);
    }

    const whatIf = page.getByTestId('counterfactuals');
    await expect(
      page.getByRole('heading', { name: 'What if an interaction had not happened' }),
    ).toBeVisible();
    await expect(whatIf.getByRole('heading', { name: /^Without / }).first()).toBeVisible();
    await expect(whatIf).toContainText(
      /Would leave the list|The list would stay the same|Same products, in a different order/,
    );
    await expectNoA11yViolations(page);
  });

  test('the API returns reasons with numeric contributions on explain=1', async ({ page, request }) => {
    test.setTimeout(600_000);
    const href = await personalCustomerUrl(page);
    const shopper = new URL(href, 'http://x').searchParams.get('shopper') ?? '';
    expect(shopper).not.toBe('');

    await page.goto(`/${DEMO.slug}/api-keys`);
    await page.getByLabel('Name', { exact: true }).fill(`explain-${Date.now()}`);
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByRole('textbox', { name: 'Secret key' }).inputValue();
    await page.getByRole('button', { name: 'Done, I have copied it' }).click();

    type Body = { items: { reasons?: { kind: string; text: string; contribution: unknown }[] }[] };
    const query = `scenario=for_you&shopper=${encodeURIComponent(shopper)}&k=8&explain=1`;
    let body: Body = { items: [] };
    await expect(async () => {
      const res = await request.get(`/api/v1/recommendations?${query}`, {
        headers: { Authorization: `Bearer ${key}` },
      });
      expect(res.status()).toBe(200);
      body = (await res.json()) as Body;
      // Once the model serves, a blended item carries more than one reason.
      expect(body.items.some((i) => (i.reasons?.length ?? 0) >= 2)).toBe(true);
    }).toPass({ timeout: 540_000, intervals: [5_000, 10_000] });

    for (const item of body.items) {
      expect(item.reasons?.length).toBeGreaterThan(0);
      let sum = 0;
      for (const r of item.reasons ?? []) {
        expect(typeof r.contribution).toBe('number');
        expect(r.text.length).toBeGreaterThan(0);
        sum += r.contribution as number;
      }
      expect(sum).toBeCloseTo(1, 5);
    }
  });
});
