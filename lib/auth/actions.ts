'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { type ActionResult, formToObject, toFailure } from '@/lib/actions/action';
import { getEnv } from '@/lib/env';
import { acceptInvite } from '@/lib/members/service';
import { signIn, signOut } from './auth';
import { GENERIC_SIGN_IN_ERROR, signUp } from './service';
import { getSessionUser, requestIp } from './session';
import { INVITE_RULE, SIGNUP_IP_RULE, signInThrottle } from './throttle';

const TOO_MANY: ActionResult<null> = {
  ok: false,
  code: 'rate_limited',
  message: 'Too many attempts from here. Wait a few minutes, then try again.',
};

/** Only same-site relative paths are followed after sign-in (no open redirects). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export async function signInAction(_prev: unknown, formData: FormData): Promise<ActionResult<null>> {
  const input = formToObject(formData);
  try {
    await signIn('credentials', {
      email: input.email,
      password: input.password,
      redirectTo: safeNext(input.next),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = 'code' in error && error.code === 'throttled';
      return throttled
        ? {
            ok: false,
            code: 'rate_limited',
            message: 'Too many failed attempts. Wait a few minutes, then try again.',
          }
        : { ok: false, code: 'unauthenticated', message: GENERIC_SIGN_IN_ERROR };
    }
    throw error; // success arrives as a redirect
  }
  return { ok: true, data: null };
}

export async function signUpAction(_prev: unknown, formData: FormData): Promise<ActionResult<null>> {
  const input = formToObject(formData);
  if (getEnv().TAILOR_ALLOW_SIGNUP === false) {
    return {
      ok: false,
      code: 'forbidden',
      message: 'Sign-up is closed on this installation. Ask an admin for an invitation.',
    };
  }
  const ip = await requestIp();
  const ipKey = `signup-ip:${ip}`;
  if (signInThrottle.blockedFor(ipKey, SIGNUP_IP_RULE) > 0) return TOO_MANY;
  signInThrottle.recordFailure(ipKey, SIGNUP_IP_RULE); // every attempt counts
  let slug: string;
  try {
    const { tenant } = await signUp(await getDb(), input, ip);
    slug = tenant.slug;
  } catch (error) {
    return toFailure(error);
  }
  const next = safeNext(input.next);
  await signIn('credentials', {
    email: input.email,
    password: input.password,
    redirectTo: next === '/' ? `/${slug}` : next,
  });
  return { ok: true, data: null };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}

/** Accepts the invitation in the form for the signed-in user and opens the workspace. */
export async function acceptInviteAction(_prev: unknown, formData: FormData): Promise<ActionResult<null>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'unauthenticated', message: 'Sign in first.' };
  const ip = await requestIp();
  const keys = [`invite-ip:${ip}`, `invite-user:${user.id}`];
  if (keys.some((k) => signInThrottle.blockedFor(k, INVITE_RULE) > 0)) return TOO_MANY;
  let slug: string;
  try {
    ({ slug } = await acceptInvite(await getDb(), String(formData.get('token') ?? ''), user, ip));
  } catch (error) {
    // Guessing tokens costs attempts; a valid invitation clears nothing (it is used up anyway).
    for (const k of keys) signInThrottle.recordFailure(k, INVITE_RULE);
    return toFailure(error);
  }
  redirect(`/${slug}`);
}
