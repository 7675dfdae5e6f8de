import { expect, expectNoA11yViolations, signUp, test } from './fixtures';

// Each test signs up its own workspace: renaming the shared worker workspace would surprise
// other specs.

test('an owner saves the workspace settings', async ({ page }) => {
  const owner = await signUp(page, { label: 'settings' });
  await page.goto(`/${owner.slug}/settings`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Workspace name')).toHaveValue(owner.workspaceName);
  await expectNoA11yViolations(page);

  const name = `Renamed ${Date.now()}`;
  await page.getByLabel('Workspace name').fill(name);
  await page.getByLabel('Default currency').selectOption('CHF');
  await page.getByRole('checkbox', { name: /German/ }).check();
  await page.getByRole('checkbox', { name: /French/ }).check();
  await page.getByLabel('Default locale').selectOption('de');
  await page.getByLabel('Time zone').fill('Europe/Zurich');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Workspace name')).toHaveValue(name);
  await expect(page.getByLabel('Default currency')).toHaveValue('CHF');
  await expect(page.getByLabel('Default locale')).toHaveValue('de');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Zurich');
  for (const locale of [/English/, /German/, /French/])
    await expect(page.getByRole('checkbox', { name: locale })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Japanese/ })).not.toBeChecked();

  // The change is audited with what changed.
  await page.goto(`/${owner.slug}/audit?action=settings.updated`);
  await expect(page.getByRole('table', { name: 'Audit log entries' })).toContainText('EUR → CHF');
});

test('invalid settings are refused with the error next to the field', async ({ page }) => {
  const owner = await signUp(page, { label: 'settings-bad' });
  await page.goto(`/${owner.slug}/settings`);

  const tz = page.getByLabel('Time zone');
  await tz.fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Unknown time zone (use an IANA name such as Europe/Berlin).')).toBeVisible();
  await expect(tz).toHaveAttribute('aria-invalid', 'true');
  await expect(tz).toBeFocused();
  await expect(tz).toHaveValue('Mars/Olympus_Mons'); // what was typed stays to be corrected
  await expectNoA11yViolations(page);

  await tz.fill('Europe/Berlin');
  await page.getByLabel('Default locale').selectOption('ja');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('The default locale must be one of the supported locales.')).toBeVisible();
  await expect(page.getByLabel('Default locale')).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('checkbox', { name: /English/ }).uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Pick at least one locale.')).toBeVisible();

  // Nothing was saved.
  await page.reload();
  await expect(tz).toHaveValue('UTC');
  await expect(page.getByLabel('Default locale')).toHaveValue('en');
});
