import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { invitations, memberships, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/service';
import { randomToken, sha256 } from '@/lib/crypto';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import {
  countOwners,
  deleteMember,
  findInviteByTokenHash,
  getMember,
  revokeInviteRow,
  setMemberRole,
} from './queries';
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from './schemas';

export const INVITE_TTL_DAYS = 7;

/**
 * Creates an invitation and returns its one-time link. The link is emailed only when SMTP is
 * configured; the UI always shows it to copy. Only owners may invite owners.
 */
export async function inviteMember(db: Db, ctx: TenantContext, input: unknown, appUrl: string) {
  if (!hasPermission(ctx, 'members.invite')) throw forbidden();
  const data = parseOrThrow(inviteSchema, input);
  if (data.role === 'owner' && ctx.role !== 'owner')
    throw forbidden('Only an owner can invite another owner.');
  const token = randomToken(24);
  const result = await db.transaction(async (tx) => {
    const existing = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(users.email, data.email)))
      .limit(1);
    if (existing.length)
      throw conflict('This person is already a member.', { email: ['Already a member of this workspace.'] });
    const [row] = await tx
      .insert(invitations)
      .values({
        tenantId: ctx.tenantId,
        email: data.email,
        role: data.role,
        tokenHash: sha256(token),
        invitedBy: ctx.userId ?? null,
        expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000),
      })
      .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
    if (!row) throw new AppError('internal', 'Could not create the invitation.');
    await recordAudit(tx, ctx, {
      action: 'member.invited',
      targetType: 'invitation',
      targetId: row.id,
      details: { email: data.email, role: data.role },
    });
    return row;
  });
  const link = `${appUrl}/invite/${token}`;
  const emailed = await sendMail({
    to: data.email,
    subject: 'You are invited to a Tailor workspace',
    text: `You have been invited to join a workspace on Tailor as ${data.role}.\n\nAccept: ${link}\n\nThe link expires in ${INVITE_TTL_DAYS} days.`,
  });
  return { id: result.id, link, expiresAt: result.expiresAt, emailed };
}

export async function revokeInvite(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'members.invite')) throw forbidden();
  const { id } = parseOrThrow(revokeInviteSchema, input);
  return db.transaction(async (tx) => {
    const row = await revokeInviteRow(tx, ctx, id);
    if (!row) throw notFound('Invitation not found.');
    await recordAudit(tx, ctx, {
      action: 'member.invite_revoked',
      targetType: 'invitation',
      targetId: id,
      details: { email: row.email },
    });
    return row;
  });
}

/** Changes a member's role. The last owner cannot be demoted; only owners grant or take ownership. */
export async function changeMemberRole(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'members.update')) throw forbidden();
  const { userId, role } = parseOrThrow(changeRoleSchema, input);
  return db.transaction(async (tx) => {
    const member = await getMember(tx, ctx, userId);
    if (!member) throw notFound('Member not found.');
    if ((member.role === 'owner' || role === 'owner') && ctx.role !== 'owner')
      throw forbidden('Only an owner can change ownership.');
    if (member.role === 'owner' && role !== 'owner' && (await countOwners(tx, ctx)) <= 1) {
      throw conflict('A workspace needs at least one owner: make someone else owner first.');
    }
    if (member.role === role) return member;
    await setMemberRole(tx, ctx, userId, role);
    await recordAudit(tx, ctx, {
      action: 'member.role_changed',
      targetType: 'user',
      targetId: userId,
      details: { email: member.email, from: member.role, to: role },
    });
    return { ...member, role };
  });
}

/** Removes a member (or lets a member leave). The last owner cannot be removed. */
export async function removeMember(db: Db, ctx: TenantContext, input: unknown) {
  const { userId } = parseOrThrow(removeMemberSchema, input);
  const self = userId === ctx.userId;
  if (!self && !hasPermission(ctx, 'members.remove')) throw forbidden();
  return db.transaction(async (tx) => {
    const member = await getMember(tx, ctx, userId);
    if (!member) throw notFound('Member not found.');
    if (member.role === 'owner' && !self && ctx.role !== 'owner')
      throw forbidden('Only an owner can remove an owner.');
    if (member.role === 'owner' && (await countOwners(tx, ctx)) <= 1) {
      throw conflict('The last owner cannot be removed: make someone else owner first.');
    }
    await deleteMember(tx, ctx, userId);
    await recordAudit(tx, ctx, {
      action: self ? 'member.left' : 'member.removed',
      targetType: 'user',
      targetId: userId,
      details: { email: member.email, role: member.role },
    });
    return member;
  });
}

export type InviteState =
  | { state: 'valid'; tenantName: string; tenantSlug: string; email: string; role: string }
  | { state: 'expired' | 'used' | 'revoked' | 'unknown' };

/** What an invite token is worth, without consuming it (for the invite page). */
export async function inspectInvite(db: Db, token: string): Promise<InviteState> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return { state: 'unknown' };
  const row = await findInviteByTokenHash(db, sha256(token));
  if (!row) return { state: 'unknown' };
  if (row.invite.acceptedAt) return { state: 'used' };
  if (row.invite.revokedAt) return { state: 'revoked' };
  if (row.invite.expiresAt.getTime() < Date.now()) return { state: 'expired' };
  return {
    state: 'valid',
    tenantName: row.tenantName,
    tenantSlug: row.tenantSlug,
    email: row.invite.email,
    role: row.invite.role,
  };
}

/**
 * Accepts an invitation for a signed-in user. The user's email must match the invitation.
 * Single use: a second acceptance (or a concurrent one) fails with a clear message.
 */
export async function acceptInvite(db: Db, token: string, user: { id: string; email: string }, ip?: string) {
  const info = await inspectInvite(db, token);
  if (info.state !== 'valid') throw new AppError('bad_request', INVITE_MESSAGES[info.state]);
  if (info.email !== user.email.toLowerCase()) {
    throw new AppError(
      'forbidden',
      `This invitation is for ${info.email}. Sign in with that address to accept it.`,
    );
  }
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tokenHash, sha256(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!claimed) throw new AppError('bad_request', INVITE_MESSAGES.used);
    await tx
      .insert(memberships)
      .values({ tenantId: claimed.tenantId, userId: user.id, role: claimed.role })
      .onConflictDoNothing();
    const ctx: TenantContext = {
      tenantId: claimed.tenantId,
      slug: info.tenantSlug,
      role: claimed.role as TenantContext['role'],
      userId: user.id,
      actorLabel: user.email,
      ip,
    };
    await recordAudit(tx, ctx, {
      action: 'member.joined',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, role: claimed.role },
    });
    return { slug: info.tenantSlug };
  });
}

export const INVITE_MESSAGES: Record<'expired' | 'used' | 'revoked' | 'unknown', string> = {
  expired: 'This invitation has expired. Ask for a new one.',
  used: 'This invitation has already been used.',
  revoked: 'This invitation was withdrawn.',
  unknown: 'This invitation link is not valid.',
};
