import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test, uniqueEmail } from './fixtures';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe('Models → Fairness: predictions', () => {
  test('the demo owner runs the prediction fairness report and reads parity by country with the mitigation table', async ({
    page,
  }) => {
    test.setTimeout(600_000); // the demo's predictions train in the background after its seed
    await signIn(page, DEMO.email, DEMO.password);
    const section = page.locator('section[aria-labelledby="prediction-fairness"]');
    const run = section.getByRole('button', { name: 'Run report' });
    // "Run report" appears once predictions are trained (by the seed's job or the Predictions spec).
    await expect(async () => {
      await page.goto(`/${DEMO.slug}/fairness`);
      await expect(run).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 480_000, intervals: [10_000] });
    await expect(
      section.getByRole('heading', { name: 'Predictions: parity across shopper groups' }),
    ).toBeVisible();
    await run.click();
    await expect(
      section.getByRole('status').filter({ hasText: /Report queued|already queued or running/ }),
    ).toBeVisible({ timeout: 30_000 });

    const parity = section.getByRole('table', { name: 'Parity by country' }).first();
    await expect(async () => {
      await page.reload();
      await expect(parity).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 300_000, intervals: [5_000] });
    // The demo's shoppers come from several countries: more than two groups, each with its size.
    expect(await parity.getByRole('row').count()).toBeGreaterThan(3);
    for (const header of ['Shoppers', 'Selected', 'TPR', 'AUC'])
      await expect(parity.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    await expect(
      section.getByText(/^Shoppers .+ are flagged at risk|^Too few shoppers per group/).first(),
    ).toBeVisible();
    await expect(
      section.getByRole('img', { name: /^Selection and true-positive rate by country:/ }).first(),
    ).toBeVisible();
    const mitigation = section
      .getByRole('table', { name: 'Mitigation by country: one threshold vs per-group thresholds' })
      .first();
    await expect(mitigation.getByRole('row', { name: /^Accuracy/ })).toBeVisible();
    await expect(mitigation.getByRole('row', { name: /^Demographic parity gap/ })).toBeVisible();
    await expect(
      section.getByText(/^Per-group thresholds by country would take|^Per-group thresholds need/).first(),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('a viewer sees the threshold settings read-only and no sensitive attributes', async ({ browser }) => {
    test.setTimeout(120_000);
    const owner = await newPage(browser);
    const o = await signUp(owner, { label: 'pfair-owner', name: 'Otto Owner' });
    const email = uniqueEmail('pfair-viewer');
    await owner.goto(`/${o.slug}/members`);
    const form = owner
      .locator('section')
      .filter({ has: owner.getByRole('heading', { name: 'Invite a teammate' }) });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Viewer' });
    await form.getByRole('button', { name: 'Invite' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Invitation created for' })).toContainText(email);
    const link = await form.getByLabel('Invitation link').inputValue();

    // The owner can edit: the save buttons are there.
    await owner.goto(`/${o.slug}/fairness`);
    await expect(owner.getByRole('button', { name: 'Save thresholds' })).toBeVisible();
    await expect(owner.getByText('No trained predictions yet')).toBeVisible();

    const viewer = await newPage(browser);
    await signUp(viewer, { email, name: 'Vera Viewer', label: 'pfair-viewer' });
    await viewer.goto(link);
    await viewer.getByRole('button', { name: 'Accept invitation' }).click();
    await viewer.waitForURL((u) => u.pathname === `/${o.slug}`);
    await viewer.goto(`/${o.slug}/fairness`);
    const thresholds = viewer.getByRole('form', { name: 'Per-group thresholds' });
    await expect(
      thresholds.getByText('Your role can view these settings but not change them.'),
    ).toBeVisible();
    await expect(thresholds.getByRole('button', { name: 'Save thresholds' })).toHaveCount(0);
    await expect(thresholds.getByLabel('Group shoppers by')).toBeDisabled();
    await expect(viewer.getByText(/hidden: your role cannot see sensitive attributes/).first()).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Run report' })).toHaveCount(0);
    await owner.context().close();
    await viewer.context().close();
  });
});
