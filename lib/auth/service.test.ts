import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { useTestDatabase, testDrivers } from '@/lib/testing/db';
import { listWorkspacesForUser } from '@/lib/workspace/queries';
import { verifyCredentials, signUp } from './service';
import { signInThrottle } from './throttle';

describe.each(testDrivers())('auth service (%s)', (driver) => {
  const h = useTestDatabase(driver);
  const email = `owner-${driver}@example.test`;

  it('sign-up creates the user, a workspace and an owner membership; the hash is argon2id', async () => {
    const db = h().db;
    const { user, tenant } = await signUp(
      db,
      { name: 'Olga', email: email.toUpperCase(), password: 'tailor rocks 1', workspaceName: 'Olga Shoes' },
      '127.0.0.1',
    );
    expect(user.email).toBe(email);
    expect(tenant.slug).toBe('olga-shoes');
    const ws = await listWorkspacesForUser(db, user.id);
    expect(ws).toEqual([expect.objectContaining({ slug: 'olga-shoes', role: 'owner' })]);
    const raw = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) });
    expect(raw?.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('refuses a duplicate email with a field error and changes nothing', async () => {
    const db = h().db;
    const before = await db.$count((await import('@/db/schema')).tenants);
    const err = await signUp(db, {
      name: 'X',
      email,
      password: 'tailor rocks 1',
      workspaceName: 'Other',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('conflict');
    expect(err.fieldErrors.email[0]).toMatch(/already exists/);
    expect(await db.$count((await import('@/db/schema')).tenants)).toBe(before);
  });

  it('validates every field', async () => {
    const err = await signUp(h().db, {
      name: '',
      email: 'nope',
      password: 'short',
      workspaceName: 'x',
    }).catch((e) => e);
    expect(err.code).toBe('validation_failed');
    expect(Object.keys(err.fieldErrors).sort()).toEqual(['email', 'name', 'password', 'workspaceName']);
  });

  it('verifies credentials and gives the same answer for a wrong password and an unknown email', async () => {
    const db = h().db;
    const ok = await verifyCredentials(db, { email, password: 'tailor rocks 1' }, `ip-ok-${driver}`);
    expect(ok).toEqual({ ok: true, user: expect.objectContaining({ email }) });
    expect(await verifyCredentials(db, { email, password: 'wrong password 1' }, `ip-a-${driver}`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      await verifyCredentials(db, { email: 'ghost@example.test', password: 'whatever 12' }, `ip-a-${driver}`),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('throttles an account after 5 failures, even with the right password, from any IP', async () => {
    const db = h().db;
    signInThrottle.clear(`acct:${email}`);
    for (let i = 0; i < 5; i++) {
      expect(
        (await verifyCredentials(db, { email, password: 'bad guess 123' }, `ip-${i}-${driver}`)).ok,
      ).toBe(false);
    }
    const r = await verifyCredentials(db, { email, password: 'tailor rocks 1' }, `ip-fresh-${driver}`);
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    signInThrottle.clear(`acct:${email}`);
  });

  it('throttles an IP after 20 failures across accounts', async () => {
    const db = h().db;
    const ip = `203.0.113.9-${driver}`;
    for (let i = 0; i < 20; i++)
      await verifyCredentials(db, { email: `nobody${i}@example.test`, password: 'guess guess 1' }, ip);
    expect(await verifyCredentials(db, { email, password: 'tailor rocks 1' }, ip)).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    expect((await verifyCredentials(db, { email, password: 'tailor rocks 1' }, `other-${driver}`)).ok).toBe(
      true,
    );
  });
});
