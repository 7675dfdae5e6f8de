'use client';

import { useState } from 'react';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { formatDateTime } from '@/lib/format';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { type InviteResult, inviteMemberAction } from '@/lib/members/actions';
import { CopyField, PendingButton, useActionForm } from '@/components/ui/form-kit';

/** Invite by email; on success the one-time link is shown to copy (and says whether it was emailed). */
export function InviteForm({
  slug,
  roles,
  timeZone,
}: {
  slug: string;
  roles: readonly Role[];
  timeZone: string;
}) {
  const [sent, setSent] = useState<(InviteResult & { email: string }) | null>(null);
  const { state, pending, onSubmit, formRef } = useActionForm(inviteMemberAction, (data, form) => {
    const email = String(new FormData(form).get('email') ?? '');
    setSent({ ...data, email });
    form.reset();
  });
  const failed = state && !state.ok ? state : null;

  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start"
      >
        <input type="hidden" name="tenant" value={slug} />
        <Field id="invite-email" label="Email" errors={fieldErrors(failed, 'email')}>
          <TextInput
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            placeholder="name@company.com"
            required
            errors={fieldErrors(failed, 'email')}
          />
        </Field>
        <Field id="invite-role" label="Role" errors={fieldErrors(failed, 'role')}>
          <SelectInput
            id="invite-role"
            name="role"
            defaultValue="viewer"
            errors={fieldErrors(failed, 'role')}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </SelectInput>
        </Field>
        <div className="sm:pt-7">
          <PendingButton pending={pending} pendingText="Inviting…">
            Invite
          </PendingButton>
        </div>
      </form>
      {failed && !failed.fieldErrors ? <FormMessage state={failed} /> : null}
      {sent ? (
        <div className="space-y-3 rounded-lg bg-brand-50 p-4 ring-1 ring-brand-100">
          <p role="status" className="text-sm text-slate-800">
            {sent.emailed ? (
              <>
                Invitation emailed to <strong>{sent.email}</strong>. You can also share the link yourself.
              </>
            ) : (
              <>
                Invitation created for <strong>{sent.email}</strong>. Email is not configured on this server,
                so share this link with them yourself.
              </>
            )}
          </p>
          <CopyField
            label="Invitation link"
            value={sent.link}
            hint={`It works once, for ${sent.email} only, until ${formatDateTime(sent.expiresAt, 'en', timeZone)}.`}
          />
        </div>
      ) : null}
    </div>
  );
}
