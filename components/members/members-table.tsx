import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { ROLE_LABELS, type Role, isRole } from '@/lib/auth/permissions';
import { leaveWorkspaceAction, removeMemberAction } from '@/lib/members/actions';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { RoleForm } from './role-form';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: string;
  joined: string;
}

export interface Viewer {
  userId: string;
  role: Role;
  canUpdate: boolean;
  canRemove: boolean;
}

const ROLE_BADGE: Record<Role, 'blue' | 'green' | 'amber' | 'gray'> = {
  owner: 'blue',
  admin: 'green',
  marketer: 'amber',
  analyst: 'gray',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: string }) {
  return isRole(role) ? <Badge color={ROLE_BADGE[role]}>{ROLE_LABELS[role]}</Badge> : <Badge>{role}</Badge>;
}

/** Everyone in the workspace; role and removal controls only where the viewer may use them. */
export function MembersTable({
  slug,
  members,
  viewer,
}: {
  slug: string;
  members: MemberRow[];
  viewer: Viewer;
}) {
  const isOwner = viewer.role === 'owner';
  // Only owners touch ownership: others neither grant it nor change or remove an owner.
  const grantable = isOwner
    ? (['owner', 'admin', 'marketer', 'analyst', 'viewer'] as const)
    : (['admin', 'marketer', 'analyst', 'viewer'] as const);
  return (
    <Table caption="Workspace members">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Joined</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {members.map((m) => {
          const self = m.userId === viewer.userId;
          const touchesOwner = m.role === 'owner' && !isOwner;
          const displayName = m.name || m.email;
          return (
            <tr key={m.userId} className="align-top">
              <Td className="font-medium text-slate-900">
                {displayName}
                {self ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
              </Td>
              <Td>{m.email}</Td>
              <Td>
                {viewer.canUpdate && !touchesOwner ? (
                  <RoleForm
                    slug={slug}
                    userId={m.userId}
                    memberName={displayName}
                    role={m.role}
                    roles={grantable}
                  />
                ) : (
                  <RoleBadge role={m.role} />
                )}
              </Td>
              <Td>{m.joined}</Td>
              <Td className="text-right">
                {self ? (
                  <ConfirmForm
                    action={leaveWorkspaceAction}
                    fields={{ tenant: slug }}
                    label="Leave workspace"
                    question="Leave? You lose access."
                    confirmLabel="Leave"
                    pendingText="Leaving…"
                  />
                ) : viewer.canRemove && !touchesOwner ? (
                  <ConfirmForm
                    action={removeMemberAction}
                    fields={{ tenant: slug, userId: m.userId }}
                    label="Remove"
                    accessibleLabel={`Remove ${displayName}`}
                    question={`Remove ${displayName}?`}
                    confirmLabel="Remove"
                    pendingText="Removing…"
                  />
                ) : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
