import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { AppError, conflict } from '@/lib/errors';
import { parseOrThrow } from '@/lib/validation';
import { createWorkspace } from '@/lib/workspace/service';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { signUpSchema, signInSchema } from './schemas';
import { ACCOUNT_RULE, IP_RULE, signInThrottle } from './throttle';

export const GENERIC_SIGN_IN_ERROR = 'Email or password is incorrect.';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export async function getUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function getUserById(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

/** Creates a user with a first workspace they own. Throws `conflict` on a taken email. */
export async function signUp(db: Db, input: unknown, ip?: string) {
  const data = parseOrThrow(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, data.email))
      .limit(1);
    if (existing) {
      throw conflict('An account with this email already exists. Sign in instead.', {
        email: ['An account with this email already exists.'],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) throw new AppError('internal', 'Could not create the account.');
    const tenant = await createWorkspace(tx, {
      name: data.workspaceName,
      ownerUserId: user.id,
      ownerLabel: user.email,
      ip,
    });
    return { user, tenant };
  });
}

export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks email + password with per-account and per-IP throttling. Unknown emails cost the same
 * argon2 verification as known ones and count against the same limits, so responses reveal
 * neither whether an account exists nor which limit was hit.
 */
export async function verifyCredentials(db: Db, input: unknown, ip = 'unknown'): Promise<CredentialsResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const accountKey = `acct:${email}`;
  const ipKey = `ip:${ip}`;
  const wait = Math.max(
    signInThrottle.blockedFor(accountKey, ACCOUNT_RULE),
    signInThrottle.blockedFor(ipKey, IP_RULE),
  );
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
  const user = await getUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !valid) {
    signInThrottle.recordFailure(accountKey, ACCOUNT_RULE);
    signInThrottle.recordFailure(ipKey, IP_RULE);
    return { ok: false, reason: 'invalid' };
  }
  signInThrottle.clear(accountKey);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
