import { DEMO_EMAIL } from '@/lib/demo/constants';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { getUserByEmail } from '@/lib/auth/service';
import { isAppError } from '@/lib/cli/output';
import type { TenantContext } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { getTenantBySlug } from '@/lib/workspace/queries';
import { CliError } from './command';

/** The demo store's login (see lib/demo); the default owner of `tailor workspace create`. */

/** Audit label of everything the CLI does on someone's behalf. */
export const cliActor = (email: string) => `CLI (${email})`;

/**
 * The CLI acts as the workspace's first owner. Goes through `requireTenant()` like every
 * other entry point, then labels the actor for the audit log.
 * Throws `CliError` "Workspace not found: <slug>" (exit 1).
 */
export async function cliTenantContext(db: Db, slug: string): Promise<TenantContext> {
  const wanted = slug.trim().toLowerCase();
  const tenant = await getTenantBySlug(db, wanted);
  if (!tenant) throw new CliError(`Workspace not found: ${slug}`);
  const [owner] = await db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.role, 'owner')))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!owner) throw new CliError(`Workspace ${tenant.slug} has no owner for the CLI to act as.`);
  try {
    const ctx = await requireTenant(db, {
      kind: 'session',
      slug: tenant.slug,
      userId: owner.id,
      email: owner.email,
    });
    return { ...ctx, actorLabel: cliActor(owner.email) };
  } catch (e) {
    if (isAppError(e) && e.code === 'not_found') throw new CliError(`Workspace not found: ${slug}`);
    throw e;
  }
}

/**
 * The user a new workspace belongs to: `--owner`, else the demo user when it exists.
 * Throws `CliError` explaining how to create a user when there is none.
 */
export async function resolveOwner(db: Db, ownerEmail: string | undefined, appUrl: string) {
  const howTo = `Sign up at ${appUrl}/sign-up, or create one with: tailor user create --email <email> --name <name>`;
  if (ownerEmail) {
    const user = await getUserByEmail(db, ownerEmail);
    if (!user) throw new CliError(`No user with the email ${ownerEmail.trim().toLowerCase()}. ${howTo}`);
    return user;
  }
  const demo = await getUserByEmail(db, DEMO_EMAIL);
  if (!demo)
    throw new CliError(
      `Pass --owner <email> of an existing user (there is no demo user to default to). ${howTo}`,
    );
  return demo;
}
