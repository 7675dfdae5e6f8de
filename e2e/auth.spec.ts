import { randomBytes } from 'node:crypto';
import { expect, signIn, signOut, signUp, TEST_PASSWORD, test } from './fixtures';

// Each test speaks from its own client IP (the e2e server trusts X-Forwarded-For), so the per-IP
// sign-in throttle of one test never affects another.
const fakeIp = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;

test.describe('accounts and sessions', () => {
  test('sign up, sign out, and sign back in', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': fakeIp() } });
    const page = await context.newPage();
    const account = await signUp(page, { label: 'auth' });
    await expect(page.getByRole('heading', { level: 1, name: account.workspaceName })).toBeVisible();

    await signOut(page);
    await page.goto(`/${account.slug}/members`);
    await expect(page).toHaveURL(/\/sign-in/);

    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(new RegExp(`/${account.slug}$`));
    await context.close();
  });

  test('a duplicate email is refused with a field message and the typed values stay', async ({ page }) => {
    const account = await signUp(page, { label: 'dup' });
    await signOut(page);
    await page.goto('/sign-up');
    await page.getByLabel('Your name').fill('Someone Else');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByLabel('Workspace name').fill('Another shop');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('An account with this email already exists.').first()).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Someone Else');
    await expect(page).toHaveURL(/\/sign-up/);
  });

  test('wrong password and unknown email get the same generic message', async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': fakeIp() } });
    const page = await context.newPage();
    const account = await signUp(page, { label: 'generic' });
    await signOut(page);
    const attempt = async (email: string, password: string) => {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      return (await page.locator('form').getByRole('alert').textContent())?.trim() ?? '';
    };
    const wrong = await attempt(account.email, 'not-the-password-1');
    const unknown = await attempt(`nobody-${Date.now()}@example.test`, 'not-the-password-1');
    expect(wrong).toBe('Email or password is incorrect.');
    expect(unknown).toBe(wrong);
    await context.close();
  });

  test('repeated failures throttle the account, even with the right password afterwards', async ({
    browser,
  }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': fakeIp() } });
    const page = await context.newPage();
    const account = await signUp(page, { label: 'throttle' });
    await signOut(page);
    for (let i = 0; i < 5; i++) {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Password').fill(`wrong-guess-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('form').getByRole('alert')).toHaveText('Email or password is incorrect.');
    }
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toContainText('Too many failed attempts');
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });

  test('an unknown workspace slug is a 404 page', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signUp(page, { label: 'slug404' });
    const res = await page.goto('/no-such-workspace-here');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await context.close();
  });
});
