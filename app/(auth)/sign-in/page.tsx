import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getDb } from '@/db/client';
import { getSessionUser } from '@/lib/auth/session';
import { DEMO_EMAIL, DEMO_PASSWORD, DEMO_SLUG } from '@/lib/demo/constants';
import { getSeededDemoTenant } from '@/lib/demo/queries';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; email?: string }>;
}) {
  const { next, email } = await searchParams;
  if (await getSessionUser()) redirect(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
  const signUpHref = next
    ? `/sign-up?next=${encodeURIComponent(next)}${email ? `&email=${encodeURIComponent(email)}` : ''}`
    : '/sign-up';
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in to Tailor</h1>
      <p className="mb-6 text-sm text-slate-600">Welcome back.</p>
      <SignInForm next={next} email={email} />
      {(await getSeededDemoTenant(await getDb(), DEMO_SLUG)) ? (
        <p className="mt-4 rounded-md bg-brand-50 px-3 py-2 text-xs text-slate-700 ring-1 ring-brand-100">
          Demo store: sign in as <strong>{DEMO_EMAIL}</strong> with password <strong>{DEMO_PASSWORD}</strong>.
        </p>
      ) : null}
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Tailor?{' '}
        <Link href={signUpHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
