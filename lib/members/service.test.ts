import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { invitations } from '@/db/schema';
import { listAudit } from '@/lib/audit/service';
import { signUp } from '@/lib/auth/service';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { listMembers, listPendingInvites } from './queries';
import {
  INVITE_MESSAGES,
  acceptInvite,
  changeMemberRole,
  inspectInvite,
  inviteMember,
  removeMember,
  revokeInvite,
} from './service';

const APP_URL = 'http://app.test';
let seq = 0;
const uniqueEmail = (label: string) => `${label}-${++seq}-${Date.now()}@example.test`;
const tokenOf = (link: string) => link.split('/').at(-1)!;

async function createUser(db: Db, email: string) {
  const { user } = await signUp(db, {
    name: `User ${email.split('@')[0]}`,
    email,
    password: 'correct horse 9',
    workspaceName: `Own ${seq} ${Date.now()}`,
  });
  return user;
}

describe.each(testDrivers())('members service (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('invites, and the invited person accepts and becomes a member', async () => {
    const { ctx } = await createTestTenant(db(), 'invite');
    const email = uniqueEmail('bob');
    const invite = await inviteMember(db(), ctx, { email: email.toUpperCase(), role: 'marketer' }, APP_URL);
    expect(invite.link).toMatch(new RegExp(`^${APP_URL}/invite/[A-Za-z0-9_-]{20,64}$`));
    expect(invite.emailed).toBe(false); // no SMTP in tests: the UI shows the link to share
    expect(invite.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await listPendingInvites(db(), ctx)).map((i) => i.email)).toEqual([email]);
    expect(await inspectInvite(db(), tokenOf(invite.link))).toMatchObject({
      state: 'valid',
      email,
      role: 'marketer',
    });

    const user = await createUser(db(), email);
    await expect(acceptInvite(db(), tokenOf(invite.link), user)).resolves.toEqual({ slug: ctx.slug });

    const members = await listMembers(db(), ctx);
    expect(members.find((m) => m.userId === user.id)).toMatchObject({ email, role: 'marketer' });
    expect(await listPendingInvites(db(), ctx)).toEqual([]);
    const joined = await requireTenant(db(), { kind: 'session', slug: ctx.slug, userId: user.id, email });
    expect(joined.role).toBe('marketer');
  });

  it('refuses a used, an expired, a revoked and an unknown invitation with clear messages', async () => {
    const { ctx } = await createTestTenant(db(), 'reuse');

    const used = await inviteMember(db(), ctx, { email: uniqueEmail('used'), role: 'viewer' }, APP_URL);
    const usedBy = await createUser(
      db(),
      ((await inspectInvite(db(), tokenOf(used.link))) as { email: string }).email,
    );
    await acceptInvite(db(), tokenOf(used.link), usedBy);
    await expect(acceptInvite(db(), tokenOf(used.link), usedBy)).rejects.toMatchObject({
      code: 'bad_request',
      message: INVITE_MESSAGES.used,
    });

    const expiredEmail = uniqueEmail('expired');
    const expired = await inviteMember(db(), ctx, { email: expiredEmail, role: 'viewer' }, APP_URL);
    await db()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.id));
    await expect(
      acceptInvite(db(), tokenOf(expired.link), await createUser(db(), expiredEmail)),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: INVITE_MESSAGES.expired,
    });
    expect((await listPendingInvites(db(), ctx)).some((i) => i.id === expired.id)).toBe(false);

    const revokedEmail = uniqueEmail('revoked');
    const revoked = await inviteMember(db(), ctx, { email: revokedEmail, role: 'viewer' }, APP_URL);
    await revokeInvite(db(), ctx, { id: revoked.id });
    await expect(
      acceptInvite(db(), tokenOf(revoked.link), await createUser(db(), revokedEmail)),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: INVITE_MESSAGES.revoked,
    });
    await expect(revokeInvite(db(), ctx, { id: revoked.id })).rejects.toMatchObject({ code: 'not_found' });

    await expect(acceptInvite(db(), 'x'.repeat(32), usedBy)).rejects.toMatchObject({
      message: INVITE_MESSAGES.unknown,
    });
    await expect(acceptInvite(db(), '../../etc', usedBy)).rejects.toMatchObject({
      message: INVITE_MESSAGES.unknown,
    });
  });

  it('refuses acceptance by someone signed in with another address, and keeps the invitation usable', async () => {
    const { ctx } = await createTestTenant(db(), 'wrong');
    const email = uniqueEmail('right');
    const invite = await inviteMember(db(), ctx, { email, role: 'analyst' }, APP_URL);
    const stranger = await createUser(db(), uniqueEmail('stranger'));
    await expect(acceptInvite(db(), tokenOf(invite.link), stranger)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(email),
    });
    expect((await listMembers(db(), ctx)).some((m) => m.userId === stranger.id)).toBe(false);
    expect((await inspectInvite(db(), tokenOf(invite.link))).state).toBe('valid');
  });

  it('reports invalid emails and existing members against the email field', async () => {
    const { ctx, email: ownerEmail } = await createTestTenant(db(), 'dupe');
    await expect(
      inviteMember(db(), ctx, { email: 'not-an-email', role: 'viewer' }, APP_URL),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { email: ['Enter a valid email address.'] },
    });
    await expect(
      inviteMember(db(), ctx, { email: ownerEmail, role: 'viewer' }, APP_URL),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'This person is already a member.',
      fieldErrors: { email: ['Already a member of this workspace.'] },
    });
    await expect(
      inviteMember(db(), ctx, { email: uniqueEmail('x'), role: 'superuser' }, APP_URL),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { role: expect.any(Array) },
    });
  });

  it('never lets the last owner be demoted or removed', async () => {
    const owner = await createTestTenant(db(), 'owner');
    await expect(
      changeMemberRole(db(), owner.ctx, { userId: owner.userId, role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/at least one owner/),
    });
    await expect(removeMember(db(), owner.ctx, { userId: owner.userId })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/last owner cannot be removed/),
    });
    const admin = await createTestMember(db(), owner.ctx, 'admin');
    await expect(
      changeMemberRole(db(), admin, { userId: owner.userId, role: 'viewer' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember(db(), admin, { userId: owner.userId })).rejects.toMatchObject({
      code: 'forbidden',
    });

    // With a second owner, the first may step down.
    await changeMemberRole(db(), owner.ctx, { userId: admin.userId, role: 'owner' });
    await expect(
      changeMemberRole(db(), owner.ctx, { userId: owner.userId, role: 'admin' }),
    ).resolves.toMatchObject({ role: 'admin' });
    const roles = Object.fromEntries((await listMembers(db(), owner.ctx)).map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [owner.userId]: 'admin', [admin.userId]: 'owner' });
  });

  it('enforces roles: viewers cannot invite or manage, admins cannot create owners, anyone may leave', async () => {
    const owner = await createTestTenant(db(), 'roles');
    const viewer = await createTestMember(db(), owner.ctx, 'viewer');
    const admin = await createTestMember(db(), owner.ctx, 'admin');
    await expect(
      inviteMember(db(), viewer, { email: uniqueEmail('v'), role: 'viewer' }, APP_URL),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeMemberRole(db(), viewer, { userId: viewer.userId, role: 'admin' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember(db(), viewer, { userId: admin.userId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      inviteMember(db(), admin, { email: uniqueEmail('o'), role: 'owner' }, APP_URL),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeMemberRole(db(), admin, { userId: viewer.userId, role: 'owner' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeMemberRole(db(), admin, { userId: viewer.userId, role: 'analyst' }),
    ).resolves.toMatchObject({ role: 'analyst' });

    await removeMember(db(), viewer, { userId: viewer.userId });
    await expect(
      requireTenant(db(), {
        kind: 'session',
        slug: owner.slug,
        userId: viewer.userId,
        email: 'x@example.test',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await removeMember(db(), admin, { userId: admin.userId });
    expect((await listMembers(db(), owner.ctx)).map((m) => m.userId)).toEqual([owner.userId]);
  });

  it("treats another workspace's invitations and members as not found", async () => {
    const a = await createTestTenant(db(), 'iso-a');
    const b = await createTestTenant(db(), 'iso-b');
    const invite = await inviteMember(db(), a.ctx, { email: uniqueEmail('iso'), role: 'viewer' }, APP_URL);
    await expect(revokeInvite(db(), b.ctx, { id: invite.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeMemberRole(db(), b.ctx, { userId: a.userId, role: 'viewer' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(removeMember(db(), b.ctx, { userId: a.userId })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await listPendingInvites(db(), a.ctx)).map((i) => i.id)).toEqual([invite.id]);
    expect(await listPendingInvites(db(), b.ctx)).toEqual([]);
  });

  it('writes an audit entry for every change', async () => {
    const owner = await createTestTenant(db(), 'audit');
    const member = await createTestMember(db(), owner.ctx, 'viewer');
    const spare = await inviteMember(
      db(),
      owner.ctx,
      { email: uniqueEmail('spare'), role: 'viewer' },
      APP_URL,
    );
    await revokeInvite(db(), owner.ctx, { id: spare.id });
    await changeMemberRole(db(), owner.ctx, { userId: member.userId, role: 'analyst' });
    await removeMember(db(), owner.ctx, { userId: member.userId });

    const entries = await listAudit(db(), owner.ctx, { limit: 50 });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'workspace.created',
      'member.invited',
      'member.joined',
      'member.invited',
      'member.invite_revoked',
      'member.role_changed',
      'member.removed',
    ]);
    const changed = entries.find((e) => e.action === 'member.role_changed');
    expect(changed).toMatchObject({
      actorUserId: owner.userId,
      actorLabel: owner.email,
      targetType: 'user',
      targetId: member.userId,
    });
    expect(changed?.details).toMatchObject({ from: 'viewer', to: 'analyst' });
    const joined = entries.find((e) => e.action === 'member.joined');
    expect(joined?.actorUserId).toBe(member.userId);
  });
});
