import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid email address.').max(254);
export const roleSchema = z.enum(ROLES, { message: 'Pick a role.' });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.string().uuid('Unknown member.'), role: roleSchema });
export const removeMemberSchema = z.object({ userId: z.string().uuid('Unknown member.') });
export const revokeInviteSchema = z.object({ id: z.string().uuid('Unknown invitation.') });
