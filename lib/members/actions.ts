'use server';

import { redirect } from 'next/navigation';
import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { getEnv } from '@/lib/env';
import { changeMemberRole, inviteMember, removeMember, revokeInvite } from './service';

export type InviteResult = { id: string; link: string; expiresAt: Date; emailed: boolean };

const invite = tenantAction('members.invite', (db, ctx, input) =>
  inviteMember(db, ctx, { email: input.email, role: input.role }, getEnv().appUrl),
);

/** Creates an invitation; the result carries the one-time link (shown to copy) and whether it was emailed. */
export async function inviteMemberAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<InviteResult>> {
  return invite(prev, formData);
}

const revoke = tenantAction('members.invite', async (db, ctx, input) => {
  const row = await revokeInvite(db, ctx, { id: input.id });
  return { id: row.id, email: row.email };
});

/** Withdraws a pending invitation (its link stops working). */
export async function revokeInviteAction(prev: unknown, formData: FormData) {
  return revoke(prev, formData);
}

const changeRole = tenantAction('members.update', async (db, ctx, input) => {
  const member = await changeMemberRole(db, ctx, { userId: input.userId, role: input.role });
  return { userId: member.userId, role: member.role };
});

/** Changes a member's role (only owners grant or take ownership; the last owner stays). */
export async function changeMemberRoleAction(prev: unknown, formData: FormData) {
  return changeRole(prev, formData);
}

const remove = tenantAction('members.remove', async (db, ctx, input) => {
  const member = await removeMember(db, ctx, { userId: input.userId });
  return { userId: member.userId };
});

/** Removes another member from the workspace. */
export async function removeMemberAction(prev: unknown, formData: FormData) {
  return remove(prev, formData);
}

// Leaving needs no management permission: any member may leave (the service still keeps the
// last owner). The user id comes from the session, never from the form.
const leave = tenantAction('members.read', async (db, ctx) => {
  const member = await removeMember(db, ctx, { userId: ctx.userId });
  return { userId: member.userId };
});

/** The signed-in user leaves the workspace and is sent home. */
export async function leaveWorkspaceAction(
  prev: unknown,
  formData: FormData,
): Promise<ActionResult<{ userId: string }>> {
  const result = await leave(prev, formData);
  if (!result.ok) return result;
  redirect('/');
}
