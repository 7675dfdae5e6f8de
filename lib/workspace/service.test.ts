import { describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { getTenant } from './queries';
import { settingsSchema } from './schemas';
import { updateWorkspaceSettings } from './service';

const valid = {
  name: 'Acme Shoes',
  currency: 'CHF',
  locale: 'de',
  supportedLocales: ['de', 'fr', 'it'],
  timeZone: 'Europe/Zurich',
};

describe('settings schema', () => {
  it('accepts form-shaped input (a single checkbox arrives as a string)', () => {
    expect(settingsSchema.parse({ ...valid, supportedLocales: 'de', name: '  Acme  ' })).toMatchObject({
      name: 'Acme',
      supportedLocales: ['de'],
    });
    expect(settingsSchema.parse({ ...valid, supportedLocales: 'de,fr' }).supportedLocales).toEqual([
      'de',
      'fr',
    ]);
  });

  it('names the failing field', () => {
    const issues = (input: unknown) => {
      const r = settingsSchema.safeParse(input);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(issues({ ...valid, timeZone: 'Mars/Olympus_Mons' })).toEqual({
      timeZone: 'Unknown time zone (use an IANA name such as Europe/Berlin).',
    });
    expect(issues({ ...valid, locale: 'en' })).toEqual({
      locale: 'The default locale must be one of the supported locales.',
    });
    expect(issues({ ...valid, currency: 'XYZ' })).toHaveProperty('currency');
    expect(issues({ ...valid, name: 'A' })).toHaveProperty('name');
    expect(issues({ ...valid, supportedLocales: '' })).toHaveProperty(
      'supportedLocales',
      'Pick at least one locale.',
    );
    expect(issues({ ...valid, supportedLocales: ['de', 'xx'] })).toHaveProperty(['supportedLocales.1']);
  });
});

describe.each(testDrivers())('workspace settings (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('saves valid settings and audits exactly what changed', async () => {
    const { ctx } = await createTestTenant(db(), 'settings');
    const before = await getTenant(db(), ctx);
    await updateWorkspaceSettings(db(), ctx, { ...valid, name: before!.name });
    expect(await getTenant(db(), ctx)).toMatchObject({ ...valid, name: before!.name });

    const [entry] = await listAudit(db(), ctx, { action: 'settings.updated' });
    expect(entry?.details).toEqual({
      currency: { from: 'EUR', to: 'CHF' },
      locale: { from: 'en', to: 'de' },
      supportedLocales: { from: ['en'], to: ['de', 'fr', 'it'] },
      timeZone: { from: 'UTC', to: 'Europe/Zurich' },
    });

    // Saving the same values again changes nothing and records nothing.
    await updateWorkspaceSettings(db(), ctx, { ...valid, name: before!.name });
    expect(await listAudit(db(), ctx, { action: 'settings.updated' })).toHaveLength(1);
  });

  it('rejects a bad time zone and a default locale outside the supported ones, field by field', async () => {
    const { ctx } = await createTestTenant(db(), 'settings-bad');
    await expect(
      updateWorkspaceSettings(db(), ctx, { ...valid, timeZone: 'Europe/Atlantis' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { timeZone: ['Unknown time zone (use an IANA name such as Europe/Berlin).'] },
    });
    await expect(updateWorkspaceSettings(db(), ctx, { ...valid, locale: 'ja' })).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { locale: ['The default locale must be one of the supported locales.'] },
    });
    expect(await getTenant(db(), ctx)).toMatchObject({ timeZone: 'UTC', locale: 'en' });
    expect(await listAudit(db(), ctx, { action: 'settings.updated' })).toEqual([]);
  });

  it('lets only owners and admins change settings', async () => {
    const owner = await createTestTenant(db(), 'settings-roles');
    for (const role of ['viewer', 'analyst', 'marketer'] as const) {
      const member = await createTestMember(db(), owner.ctx, role);
      await expect(updateWorkspaceSettings(db(), member, valid)).rejects.toMatchObject({ code: 'forbidden' });
    }
    const admin = await createTestMember(db(), owner.ctx, 'admin');
    await expect(updateWorkspaceSettings(db(), admin, valid)).resolves.toMatchObject({ name: 'Acme Shoes' });
  });
});
