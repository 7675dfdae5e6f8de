import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/http';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { AppError } from '@/lib/errors';
import { auth } from './auth';
import { type SessionUser, getUserById } from './service';

/** The signed-in user, or null (also when the account no longer exists). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return getUserById(await getDb(), id);
}

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/sign-in');
  return user;
}

export async function requestIp(): Promise<string> {
  return clientIp(await headers());
}

/**
 * For dashboard pages: the tenant context for the slug in the URL. Not a member (or no such
 * workspace) → the caller renders not-found.
 */
export async function getPageTenant(slug: string) {
  const user = await requireUser();
  try {
    const ctx = await requireTenant(await getDb(), {
      kind: 'session',
      slug,
      userId: user.id,
      email: user.email,
      ip: await requestIp(),
    });
    return { user, ctx };
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  }
}
