import { EmptyState } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { revokeInviteAction } from '@/lib/members/actions';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { RoleBadge } from './members-table';

export interface InviteRow {
  id: string;
  email: string;
  role: string;
  invited: string;
  expires: string;
}

/** Invitations not yet accepted, revoked or expired, each with Revoke. */
export function PendingInvites({ slug, invites }: { slug: string; invites: InviteRow[] }) {
  if (invites.length === 0) {
    return (
      <EmptyState title="No pending invitations">
        Invitations you send appear here until they are accepted, revoked or expire.
      </EmptyState>
    );
  }
  return (
    <Table caption="Pending invitations">
      <thead>
        <tr>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Invited</Th>
          <Th>Expires</Th>
          <Th className="text-right">
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {invites.map((i) => (
          <tr key={i.id} className="align-top">
            <Td className="font-medium text-slate-900">{i.email}</Td>
            <Td>
              <RoleBadge role={i.role} />
            </Td>
            <Td>{i.invited}</Td>
            <Td>{i.expires}</Td>
            <Td className="text-right">
              <ConfirmForm
                action={revokeInviteAction}
                fields={{ tenant: slug, id: i.id }}
                label="Revoke"
                accessibleLabel={`Revoke invitation for ${i.email}`}
                question="Revoke this invitation?"
                confirmLabel="Revoke"
                pendingText="Revoking…"
              />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
