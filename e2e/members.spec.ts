import type { Browser, Page } from '@playwright/test';
import { type Account, expect, expectNoA11yViolations, signUp, test, uniqueEmail } from './fixtures';

// Each test builds its own workspace: these flows change membership, which a shared worker
// workspace must not see. Two people sign up per test (argon2 each), hence the longer timeout.
test.beforeEach(() => {
  test.slow();
});

/** The owner invites `email` as `role` on the members page; returns the one-time link it shows. */
async function invite(page: Page, owner: Account, email: string, role: string): Promise<string> {
  await page.goto(`/${owner.slug}/members`);
  const form = inviteCard(page);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Invitation created for' })).toContainText(email);
  const link = await form.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  return link;
}

/** A second person, in their own browser context: signs up with the invited address and accepts. */
async function join(
  browser: Browser,
  link: string,
  email: string,
  name: string,
): Promise<{ page: Page; account: Account }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await signUp(page, { email, name, label: 'invitee' });
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: /^Join / })).toBeVisible();
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.waitForURL((url) => url.pathname !== new URL(link).pathname);
  return { page, account };
}

/** The "Invite a teammate" card (a Card is a plain section, found by its heading). */
function inviteCard(page: Page) {
  return page.locator('section').filter({ has: page.getByRole('heading', { name: 'Invite a teammate' }) });
}

function memberRow(page: Page, email: string) {
  return page.getByRole('table', { name: 'Workspace members' }).getByRole('row').filter({ hasText: email });
}

test('an owner invites a teammate, who accepts the link and appears as a member', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const owner = await signUp(page, { label: 'members' });
  await page.goto(`/${owner.slug}/members`);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(memberRow(page, owner.email)).toContainText('Owner');
  await expectNoA11yViolations(page);

  // Bad input is reported next to the field.
  const form = inviteCard(page);
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(form.getByText('Enter a valid email address.')).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Email').fill(owner.email);
  await form.getByRole('button', { name: 'Invite' }).click();
  await expect(form.getByText('Already a member of this workspace.')).toBeVisible();

  const email = uniqueEmail('invitee');
  const link = await invite(page, owner, email, 'Marketer');
  await expect(page.getByText('share this link with them yourself')).toBeVisible(); // no SMTP in e2e
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await expect(pending.getByRole('row').filter({ hasText: email })).toContainText('Marketer');
  await expectNoA11yViolations(page);

  const { page: invitee } = await join(browser, link, email, 'Ina Invitee');
  await expect(invitee).toHaveURL(new RegExp(`/${owner.slug}$`));

  await page.reload();
  await expect(memberRow(page, email)).toBeVisible();
  await expect(page.getByLabel('Role for Ina Invitee', { exact: true })).toHaveValue('marketer');
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);
  await expect(page.getByText('No pending invitations')).toBeVisible();

  // A used link says so.
  await invitee.goto(link);
  await expect(invitee.getByText('This invitation has already been used.')).toBeVisible();
  await invitee.context().close();
});

test('owners change roles and remove members after confirming; the last owner stays', async ({
  page,
  browser,
}) => {
  const owner = await signUp(page, { label: 'roles', name: 'Olga Owner' });
  const email = uniqueEmail('teammate');
  const link = await invite(page, owner, email, 'Viewer');
  const { page: teammate } = await join(browser, link, email, 'Tom Teammate');
  await teammate.context().close();

  await page.goto(`/${owner.slug}/members`);
  await page.getByLabel('Role for Tom Teammate', { exact: true }).selectOption('analyst');
  await page.getByRole('button', { name: 'Save role for Tom Teammate' }).click();
  await expect(memberRow(page, email).getByRole('status')).toHaveText('Role saved.');
  await page.reload();
  await expect(page.getByLabel('Role for Tom Teammate', { exact: true })).toHaveValue('analyst');

  // The only owner cannot step down or leave.
  await page.getByLabel('Role for Olga Owner', { exact: true }).selectOption('admin');
  await page.getByRole('button', { name: 'Save role for Olga Owner' }).click();
  await expect(
    memberRow(page, owner.email)
      .getByRole('alert')
      .filter({ hasText: 'A workspace needs at least one owner' }),
  ).toBeVisible();
  await expect(page.getByLabel('Role for Olga Owner', { exact: true })).toHaveValue('owner');
  await memberRow(page, owner.email).getByRole('button', { name: 'Leave workspace' }).click();
  await memberRow(page, owner.email).getByRole('button', { name: 'Leave', exact: true }).click();
  await expect(
    memberRow(page, owner.email).getByRole('alert').filter({ hasText: 'The last owner cannot be removed' }),
  ).toBeVisible();

  // Removing takes two steps; Cancel (and Escape) back out.
  const row = memberRow(page, email);
  await row.getByRole('button', { name: 'Remove Tom Teammate' }).click();
  await expect(row.getByText('Remove Tom Teammate?')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(row.getByRole('button', { name: 'Remove Tom Teammate' })).toBeFocused();
  await row.getByRole('button', { name: 'Remove Tom Teammate' }).click();
  await row.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(memberRow(page, email)).toHaveCount(0);

  // Every change is in the audit log, with readable labels; the filter narrows it.
  await page.goto(`/${owner.slug}/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const log = page.getByRole('table', { name: 'Audit log entries' });
  for (const label of [
    'Member invited',
    'Member joined',
    'Role changed',
    'Member removed',
    'Workspace created',
  ]) {
    await expect(log.getByRole('cell', { name: label, exact: true }).first()).toBeVisible();
  }
  await expectNoA11yViolations(page);
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Role changed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]action=member\.role_changed/);
  await expect(log.getByRole('row')).toHaveCount(2); // header + the one change
  await expect(log).toContainText('viewer → analyst');
});

test('a viewer cannot invite, manage keys, read the audit log or change settings, but can leave', async ({
  page,
  browser,
}) => {
  const owner = await signUp(page, { label: 'viewer-owner' });
  const email = uniqueEmail('viewer');
  const link = await invite(page, owner, email, 'Viewer');
  const { page: viewer, account } = await join(browser, link, email, 'Vic Viewer');

  await viewer.goto(`/${owner.slug}/members`);
  await expect(memberRow(viewer, owner.email)).toBeVisible();
  await expect(viewer.getByRole('heading', { name: 'Invite a teammate' })).toHaveCount(0);
  await expect(viewer.getByRole('textbox', { name: 'Email' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(viewer.getByRole('combobox', { name: /^Role for/ })).toHaveCount(0);

  await viewer.goto(`/${owner.slug}/api-keys`);
  await expect(viewer.getByText('Only owners and admins manage API keys')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Create key' })).toHaveCount(0);
  await expect(viewer.getByRole('table')).toHaveCount(0);

  const audit = await viewer.goto(`/${owner.slug}/audit`);
  expect(audit?.status()).toBe(404);

  await viewer.goto(`/${owner.slug}/settings`);
  await expect(viewer.getByText('Only owners and admins can change these settings.')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  await expectNoA11yViolations(viewer);

  await viewer.goto(`/${owner.slug}/members`);
  await memberRow(viewer, email).getByRole('button', { name: 'Leave workspace' }).click();
  await memberRow(viewer, email).getByRole('button', { name: 'Leave', exact: true }).click();
  await viewer.waitForURL((url) => url.pathname === `/${account.slug}`);
  await expect(viewer.getByRole('heading', { level: 1, name: account.workspaceName })).toBeVisible();
  const gone = await viewer.goto(`/${owner.slug}/members`);
  expect(gone?.status()).toBe(404);
  await viewer.context().close();
});
