// The members actions as the UI calls them: FormData in, ActionResult out, through the real
// wrapper (session → tenant → permission → service). Only the Next.js request APIs are stubbed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/service';
import { signUp } from '@/lib/auth/service';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { listMembers } from './queries';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
  unstable_rethrow: (e: unknown) => {
    if (e instanceof Error && e.message.startsWith('NEXT_REDIRECT')) throw e;
  },
}));

const {
  changeMemberRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  revokeInviteAction,
} = await import('./actions');
const { acceptInvite } = await import('./service');

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

let seq = 0;

describe.each(testDrivers())('members actions (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  beforeEach(() => {
    session.user = null;
  });

  async function ownerAndViewer() {
    const owner = await createTestTenant(db(), 'act');
    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const email = `viewer-${++seq}-${Date.now()}@example.test`;
    const invited = await inviteMemberAction(null, form({ tenant: owner.slug, email, role: 'viewer' }));
    if (!invited.ok) throw new Error(invited.message);
    const { user } = await signUp(db(), {
      name: 'Vera Viewer',
      email,
      password: 'correct horse 9',
      workspaceName: `V ${seq} ${Date.now()}`,
    });
    await acceptInvite(db(), invited.data.link.split('/').at(-1)!, user);
    return { owner, viewer: { id: user.id, email, name: user.name } };
  }

  it('invites through the form and reports field errors for bad input', async () => {
    const { owner } = await ownerAndViewer();
    const bad = await inviteMemberAction(null, form({ tenant: owner.slug, email: 'nope', role: 'viewer' }));
    expect(bad).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { email: ['Enter a valid email address.'] },
    });
    const dupe = await inviteMemberAction(
      null,
      form({ tenant: owner.slug, email: owner.email, role: 'viewer' }),
    );
    expect(dupe).toMatchObject({
      ok: false,
      code: 'conflict',
      fieldErrors: { email: ['Already a member of this workspace.'] },
    });
    const ok = await inviteMemberAction(
      null,
      form({ tenant: owner.slug, email: 'new@example.test', role: 'analyst' }),
    );
    expect(ok).toMatchObject({
      ok: true,
      data: { emailed: false, link: expect.stringMatching(/\/invite\/[\w-]+$/) },
    });
    if (!ok.ok) return;
    expect(await revokeInviteAction(null, form({ tenant: owner.slug, id: ok.data.id }))).toMatchObject({
      ok: true,
    });
  });

  it('refuses a viewer every management action, and a signed-out visitor everything', async () => {
    const { owner, viewer } = await ownerAndViewer();
    session.user = viewer;
    const tenant = owner.slug;
    expect(
      await inviteMemberAction(null, form({ tenant, email: 'x@example.test', role: 'viewer' })),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await changeMemberRoleAction(null, form({ tenant, userId: viewer.id, role: 'admin' })),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await removeMemberAction(null, form({ tenant, userId: owner.userId }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    session.user = null;
    expect(
      await inviteMemberAction(null, form({ tenant, email: 'x@example.test', role: 'viewer' })),
    ).toMatchObject({ ok: false, code: 'unauthenticated' });
  });

  it('treats another workspace as not found', async () => {
    const { owner } = await ownerAndViewer();
    const other = await createTestTenant(db(), 'act-other');
    session.user = { id: other.userId, email: other.email, name: 'Other' };
    expect(await removeMemberAction(null, form({ tenant: owner.slug, userId: owner.userId }))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('changes roles, and explains why the last owner must stay', async () => {
    const { owner, viewer } = await ownerAndViewer();
    expect(
      await changeMemberRoleAction(null, form({ tenant: owner.slug, userId: viewer.id, role: 'marketer' })),
    ).toMatchObject({
      ok: true,
      data: { role: 'marketer' },
    });
    const last = await changeMemberRoleAction(
      null,
      form({ tenant: owner.slug, userId: owner.userId, role: 'admin' }),
    );
    expect(last).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/at least one owner/),
    });
    const leave = await leaveWorkspaceAction(null, form({ tenant: owner.slug }));
    expect(leave).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/last owner/),
    });
  });

  it('lets a member leave: only themselves, whatever the form says', async () => {
    const { owner, viewer } = await ownerAndViewer();
    session.user = viewer;
    await expect(
      leaveWorkspaceAction(null, form({ tenant: owner.slug, userId: owner.userId })),
    ).rejects.toThrow('NEXT_REDIRECT /');
    const members = await listMembers(db(), owner.ctx);
    expect(members.map((m) => m.userId)).toEqual([owner.userId]);
  });

  it('never acts for a user whose membership is gone', async () => {
    const { owner, viewer } = await ownerAndViewer();
    session.user = viewer;
    await expect(leaveWorkspaceAction(null, form({ tenant: owner.slug }))).rejects.toThrow('NEXT_REDIRECT');
    expect(await leaveWorkspaceAction(null, form({ tenant: owner.slug }))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    await expect(
      requireTenant(db(), { kind: 'session', slug: owner.slug, userId: viewer.id, email: viewer.email }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
