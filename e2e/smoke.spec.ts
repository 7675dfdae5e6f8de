import { DEMO, expect, expectNoA11yViolations, signIn, signUp, test } from './fixtures';

test('the demo user signs in and sees the workspace overview', async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(new RegExp(`/${DEMO.slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation').first()).toBeVisible();
});

test('a new merchant signs up and lands on their own empty workspace', async ({ page }) => {
  const account = await signUp(page, { label: 'smoke' });
  await expect(page).toHaveURL(new RegExp(`/${account.slug}$`));
  await expect(page.getByRole('heading', { level: 1, name: account.workspaceName })).toBeVisible();
  await expectNoA11yViolations(page);
});

test('the sign-in page passes the accessibility check', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoA11yViolations(page);
});
