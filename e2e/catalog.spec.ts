import type { Page } from '@playwright/test';
import { DEMO, expect, expectNoA11yViolations, signIn, test } from './fixtures';

/**
 * Catalog → Products and Models on the demo workspace (a multilingual catalog of ~640 products in
 * six locales). These machines have no language model, so the lexical embedder stands in: German
 * queries find German texts, which the demo catalog has. The queries come from db/seed/vocab
 * (`Stiefel aus Leder` = "leather boots" in the German titles).
 */

/** Makes sure the demo catalog is embedded: starts a run when needed and waits for it. */
async function ensureEmbedded(page: Page): Promise<void> {
  await page.goto(`/${DEMO.slug}/models`);
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  const done = page.getByText(/^All [\d,.\s]+ products embedded$/);
  if (await done.isVisible()) return;
  await page.getByRole('button', { name: 'Re-embed now' }).click();
  // The page refreshes itself while the run is queued or running; reloading covers a run that
  // finished between two refreshes.
  await expect(async () => {
    await page.reload();
    await expect(done).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 240_000, intervals: [2_000, 5_000, 10_000] });
}

/** The number in the first text that matches `re` (waits for it to appear). */
async function numberIn(page: Page, re: RegExp): Promise<number> {
  const el = page.getByText(re);
  await expect(el).toBeVisible();
  return Number(((await el.textContent()) ?? '').replace(/\D/g, ''));
}

/** Chooses a search mode the way a pointer user does: on its segment. */
async function chooseMode(page: Page, mode: 'Hybrid' | 'Keyword' | 'Semantic'): Promise<void> {
  await page.getByRole('group', { name: 'Search mode' }).locator('label', { hasText: mode }).click();
  await expect(page.getByRole('radio', { name: new RegExp(mode) })).toBeChecked();
}

/** The text of one column in every body row of a table. */
async function column(page: Page, table: string, index: number): Promise<string[]> {
  const rows = page.getByRole('table', { name: table }).locator('tbody tr');
  return rows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent?.trim() ?? ''), index);
}

test.describe('catalog search, product pages and models', () => {
  test.describe.configure({ mode: 'serial' });

  test('Models shows the lexical fallback and the whole catalog embedded, accessibly', async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, DEMO.email, DEMO.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Models', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/models$`));
    await ensureEmbedded(page);

    for (const title of ['Live embedder', 'Catalog embedded', 'Vector spaces', 'How to install a model']) {
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    }
    await expect(page.getByText('Lexical fallback: no language model could be loaded')).toBeVisible();
    await expect(page.getByText(/Semantic search matches words and spellings, not meaning/)).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Products embedded' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Vector spaces of this workspace' })).toContainText(
      'lexical',
    );
    await expect(page.getByText('TAILOR_ALLOW_MODEL_DOWNLOAD=true', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: /Folder layout of .* under MODELS_DIR/ })).toContainText(
      'model_quantized.onnx',
    );
    // The owner may choose the embedder; every choice is labelled.
    await expect(page.getByRole('radio', { name: /Automatic/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /Lexical/ })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('keyword, German semantic and hybrid searches, filters, and a product page with neighbours', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, DEMO.email, DEMO.password);
    await page.goto(`/${DEMO.slug}/products`);
    await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
    // Which embedder answers, and that it is the fallback, with a way to Models.
    await expect(
      page.getByText(
        'Lexical fallback: no language model installed — semantic search matches words and spellings, not meaning.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'See Models' }).first()).toHaveAttribute(
      'href',
      `/${DEMO.slug}/models`,
    );
    // Browsing: the whole catalog, a page at a time.
    const list = page.getByRole('table', { name: 'Products' });
    await expect(list.locator('tbody tr')).toHaveCount(25);
    await expect(page.getByRole('heading', { level: 2, name: 'Languages' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Translation coverage per locale' })).toContainText(
      'German',
    );
    await expect(page.getByRole('heading', { level: 3, name: 'What shoppers search in' })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(list.locator('tbody tr').first()).toBeVisible();

    // Keyword: English words find the English title.
    await page.goto(`/${DEMO.slug}/products`);
    await page.getByLabel('Search products').fill('leather boots');
    await chooseMode(page, 'Keyword');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/q=leather\+boots/);
    const keyword = page.getByRole('table', { name: /Search results for “leather boots” \(Keyword\)/ });
    await expect(keyword.locator('tbody tr').first()).toContainText(/Leather.*Boots/i);
    await expect(keyword.locator('tbody tr').first()).toContainText('keyword #1');

    // Semantic, in German: boots come first, found by the vector list.
    await page.getByLabel('Search products').fill('Stiefel aus Leder');
    await chooseMode(page, 'Semantic');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const semantic = page.getByRole('table', { name: /Search results for “Stiefel aus Leder” \(Semantic\)/ });
    await expect(semantic.locator('tbody tr').first()).toContainText('semantic #1');
    const categories = await column(page, 'Search results for “Stiefel aus Leder” (Semantic), best first', 3);
    expect(categories[0]).toBe('Shoes › Boots');
    expect(categories.slice(0, 5).filter((c) => c === 'Shoes › Boots').length).toBeGreaterThanOrEqual(3);

    // Hybrid (the default) fuses both lists.
    await chooseMode(page, 'Hybrid');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hybrid = page.getByRole('table', { name: /Search results for “Stiefel aus Leder” \(Hybrid\)/ });
    await expect(hybrid.locator('tbody tr').first()).toContainText('Shoes › Boots');
    await expect(hybrid).toContainText(/semantic #\d/);
    await expectNoA11yViolations(page);

    // Filters narrow the list: a category, then in stock under a price.
    await page.goto(`/${DEMO.slug}/products`);
    const total = await numberIn(page, /products in the catalog\.$/);
    await page.getByLabel('Category', { exact: true }).selectOption('Shoes>Boots');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/category=Shoes%3EBoots/);
    const boots = await numberIn(page, /products? match the filters\.$/);
    expect(boots).toBeGreaterThan(0);
    expect(boots).toBeLessThan(total);
    expect(new Set(await column(page, 'Products', 2))).toEqual(new Set(['Shoes › Boots']));
    await page.getByLabel('Max price (EUR)').fill('150');
    await page.getByLabel('In stock only').check();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/max=150/);
    await expect(page.getByLabel('In stock only')).toBeChecked();
    const cheap = await numberIn(page, /products? match the filters\.$/);
    expect(cheap).toBeLessThan(boots);
    for (const price of await column(page, 'Products', 3)) {
      expect(Number(price.replace(/[^\d.,]/g, '').replace(',', ''))).toBeLessThanOrEqual(150);
    }
    expect(await column(page, 'Products', 4)).not.toContain('Out of stock');

    // A product page: texts per locale with detected languages, embedding state, neighbours.
    await page.goto(`/${DEMO.slug}/products?q=${encodeURIComponent('Stiefel aus Leder')}`);
    const first = page
      .getByRole('table', { name: /Search results/ })
      .locator('tbody tr')
      .first()
      .getByRole('link');
    const name = ((await first.textContent()) ?? '').trim();
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}/products/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Texts and languages' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'German (de)' })).toBeVisible();
    await expect(page.getByText(/Detected: German/)).toBeVisible();
    await expect(page.getByText(/Embedded in space lexical@1/)).toBeVisible();
    const neighbours = page.getByRole('list', { name: 'Most similar products, most similar first' });
    await expect(neighbours.getByRole('listitem')).toHaveCount(10);
    await expect(neighbours.getByRole('listitem').first()).toContainText(/similarity 0[.,]\d{3}/);
    await expectNoA11yViolations(page);
    // A neighbour links to its own page.
    await neighbours.getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Similar products' })).toBeVisible();
  });

  test('the search form works from the keyboard alone', async ({ page }) => {
    await signIn(page, DEMO.email, DEMO.password);
    await page.goto(`/${DEMO.slug}/products`);
    const box = page.getByLabel('Search products');
    // Tab from the top of the page until the search box has focus.
    for (let i = 0; i < 40 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(box).toBeFocused();
    await page.keyboard.type('Leinen');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/q=Leinen/);
    await expect(
      page
        .getByRole('table', { name: /Search results for “Leinen”/ })
        .locator('tbody tr')
        .first(),
    ).toBeVisible();
    // Tab onwards into the mode choice, move with the arrow keys, submit with Enter.
    await box.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('radio', { name: /Hybrid/ })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: /Keyword/ })).toBeChecked();
    await box.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/mode=keyword/);
  });
});
