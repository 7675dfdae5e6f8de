import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InviteForm } from '@/components/members/invite-form';
import { MembersTable } from '@/components/members/members-table';
import { PendingInvites } from '@/components/members/pending-invites';
import { RoleGuide } from '@/components/members/role-guide';
import { Card, PageHeader } from '@/components/ui/card';
import { getDb } from '@/db/client';
import { ROLES } from '@/lib/auth/permissions';
import { getPageTenant } from '@/lib/auth/session';
import { formatDate, formatDateTime, formatRelative } from '@/lib/format';
import { listMembers, listPendingInvites } from '@/lib/members/queries';
import { hasPermission } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const page = await getPageTenant(slug);
  if (!page) notFound();
  const { ctx } = page;
  const db = await getDb();
  const canInvite = hasPermission(ctx, 'members.invite');
  const [tenant, members, invites] = await Promise.all([
    getTenant(db, ctx),
    listMembers(db, ctx),
    canInvite ? listPendingInvites(db, ctx) : [],
  ]);
  if (!tenant) notFound();
  const tz = tenant.timeZone;
  const now = Date.now();

  return (
    <>
      <PageHeader
        title="Members"
        description="The people who can open this workspace, and what each of them may do."
      />
      <div className="space-y-6">
        <Card title="Team" description={`${members.length} ${members.length === 1 ? 'member' : 'members'}`}>
          <MembersTable
            slug={ctx.slug}
            viewer={{
              userId: ctx.userId ?? '',
              role: ctx.role,
              canUpdate: hasPermission(ctx, 'members.update'),
              canRemove: hasPermission(ctx, 'members.remove'),
            }}
            members={members.map((m) => ({
              userId: m.userId,
              name: m.name,
              email: m.email,
              role: m.role,
              joined: formatDate(m.joinedAt, 'en', tz),
            }))}
          />
        </Card>
        {canInvite ? (
          <>
            <Card
              title="Invite a teammate"
              description="They get a link that works once, for their address only, for 7 days."
            >
              <InviteForm
                slug={ctx.slug}
                roles={ctx.role === 'owner' ? ROLES : ROLES.filter((r) => r !== 'owner')}
                timeZone={tz}
              />
              <details className="mt-5 border-t border-slate-100 pt-4">
                <summary className="cursor-pointer text-sm font-medium text-slate-700">
                  What can each role do?
                </summary>
                <div className="mt-3">
                  <RoleGuide />
                </div>
              </details>
            </Card>
            <Card title="Pending invitations">
              <PendingInvites
                slug={ctx.slug}
                invites={invites.map((i) => ({
                  id: i.id,
                  email: i.email,
                  role: i.role,
                  invited: formatRelative(i.createdAt, now),
                  expires: formatDateTime(i.expiresAt, 'en', tz),
                }))}
              />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
