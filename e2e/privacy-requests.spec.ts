import type { Page } from '@playwright/test';
import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';

/** Shopper ids from the demo's shoppers list (rows past the first, which other specs open). */
async function demoShopperIds(page: Page, count: number): Promise<string[]> {
  await page.goto(`/${DEMO.slug}/shoppers`);
  const links = page.getByRole('table', { name: 'Shoppers' }).locator('tbody tr td:first-child a');
  await expect(links.nth(4 + count)).toBeVisible();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const href = (await links.nth(4 + i).getAttribute('href')) ?? '';
    const id = href.split('/').at(-1) ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    ids.push(id);
  }
  return ids;
}

/** Files a request through the form and lands on its page. */
async function fileRequest(page: Page, kind: string, shopperId: string) {
  await page.goto(`/${DEMO.slug}/privacy/requests/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'New privacy request' })).toBeVisible();
  await page.getByLabel('Kind of request').selectOption({ label: kind });
  await page.getByLabel('Regulation').selectOption('gdpr');
  await page.getByLabel('Identify the person by').selectOption('shopper_id');
  await page.getByLabel('Identifier', { exact: true }).fill(shopperId);
  await page.getByRole('button', { name: 'File request' }).click();
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/privacy/requests/[0-9a-f-]{36}$`));
  await expect(page.getByTestId('request-status')).toHaveText('Received');
}

async function verify(page: Page) {
  await page.getByLabel('How was the identity verified?').selectOption('order_match');
  await page.getByRole('button', { name: 'Mark identity verified' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Verified');
}

test('an access request gives a JSON export with the shopper’s events; an erasure leaves proof and no profile', async ({
  page,
}) => {
  test.slow(); // the erasure scans every table of a workspace with ~255k events
  await signIn(page, DEMO.email, DEMO.password);
  const [accessId, eraseId] = await demoShopperIds(page, 2);

  // Access: verify, process, download the JSON.
  await fileRequest(page, 'Access', accessId!);
  await expectNoA11yViolations(page);
  // Nothing is processed before the identity is verified: only verify and reject are offered.
  await expect(page.getByRole('button', { name: 'Generate export and complete' })).toHaveCount(0);
  await verify(page);
  const href = await completeAfterVerify(page, 'Generate export and complete', 'Everything (JSON)');
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toMatch(
    /attachment; filename="privacy-request-[0-9a-f]{8}\.json"/,
  );
  const exp = (await res.json()) as {
    shopper: { id: string };
    sections: { name: string; rows: unknown[] }[];
  };
  expect(exp.shopper.id).toBe(accessId);
  expect(exp.sections.find((s) => s.name === 'events')?.rows.length).toBeGreaterThan(0);

  // Erasure: verify, erase, see the proof, and the profile is gone.
  await fileRequest(page, 'Erasure', eraseId!);
  await verify(page);
  await page.getByRole('button', { name: 'Erase and complete' }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Completed', { timeout: 60_000 });
  const proof = page.getByRole('table', { name: 'What the erasure removed' });
  await expect(proof.getByRole('cell', { name: 'events', exact: true })).toBeVisible();
  await expect(page.getByTestId('erasure-scan')).toContainText('nothing left');
  await expect(page.getByText('Erased', { exact: true })).toBeVisible();
  await expectNoA11yViolations(page);
  const gone = await page.goto(`/${DEMO.slug}/shoppers/${eraseId}`);
  expect(gone?.status()).toBe(404);

  // The list shows both, closed.
  await page.goto(`/${DEMO.slug}/privacy/requests?kind=erasure`);
  await expect(page.getByRole('table', { name: 'Data subject requests' })).toBeVisible();
  await expectNoA11yViolations(page);
});

/** The request is received: verify it, complete it, and return the download link named `link`. */
async function completeAfterVerify(page: Page, button: string, link: string): Promise<string> {
  await expect(page.getByTestId('request-status')).toHaveText('Verified');
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('request-status')).toHaveText('Completed', { timeout: 30_000 });
  const a = page.getByRole('link', { name: link });
  await expect(a).toBeVisible();
  return (await a.getAttribute('href')) ?? '';
}
