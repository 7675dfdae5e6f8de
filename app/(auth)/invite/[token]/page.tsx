import Link from 'next/link';
import { AcceptInviteForm } from '@/components/auth/accept-invite-form';
import { buttonClass } from '@/components/ui/button';
import { getDb } from '@/db/client';
import { ROLE_LABELS, isRole } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/auth/session';
import { INVITE_MESSAGES, inspectInvite } from '@/lib/members/service';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Invitation' };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await inspectInvite(await getDb(), token);
  if (invite.state !== 'valid') {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">Invitation unavailable</h1>
        <p role="alert" className="text-sm text-slate-700">
          {INVITE_MESSAGES[invite.state]}
        </p>
        <Link href="/" className={buttonClass('secondary', 'mt-6 w-full')}>
          Go to Tailor
        </Link>
      </>
    );
  }
  const user = await getSessionUser();
  const here = `/invite/${token}`;
  const role = isRole(invite.role) ? ROLE_LABELS[invite.role] : invite.role;
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Join {invite.tenantName}</h1>
      <p className="mb-6 text-sm text-slate-600">
        You are invited as <strong>{role}</strong> ({invite.email}).
      </p>
      {user ? (
        user.email === invite.email ? (
          <AcceptInviteForm token={token} />
        ) : (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            You are signed in as {user.email}, but this invitation is for {invite.email}. Sign out and sign in
            with that address.
          </p>
        )
      ) : (
        <div className="flex flex-col gap-3">
          <Link
            href={`/sign-in?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}
            className={buttonClass('primary')}
          >
            Sign in to accept
          </Link>
          <Link
            href={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}
            className={buttonClass('secondary')}
          >
            Create an account
          </Link>
        </div>
      )}
    </>
  );
}
