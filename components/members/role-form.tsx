'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { changeMemberRoleAction } from '@/lib/members/actions';
import { InlineResult, useActionForm } from '@/components/ui/form-kit';

/** A member's role as a select with its own Save button (one form per row). */
export function RoleForm({
  slug,
  userId,
  memberName,
  role,
  roles,
}: {
  slug: string;
  userId: string;
  memberName: string;
  role: string;
  roles: readonly Role[];
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(changeMemberRoleAction);
  const [value, setValue] = useState(role);
  const id = `role-${userId}`;

  // Follow the stored role: after a save (the page re-renders) and after a refused change.
  useEffect(() => {
    setValue(role);
  }, [role]);
  useEffect(() => {
    if (state && !state.ok) setValue(role);
  }, [state, role]);
  return (
    <div>
      <form ref={formRef} onSubmit={onSubmit} className="flex items-center gap-2">
        <input type="hidden" name="tenant" value={slug} />
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={id} className="sr-only">
          Role for {memberName}
        </label>
        <select
          id={id}
          name="role"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          className="rounded-md border-0 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending}
          aria-disabled={pending}
          aria-label={`Save role for ${memberName}`}
          className={buttonClass('secondary', 'px-2.5 py-1.5 text-xs')}
        >
          {pending ? 'Saving…' : 'Save'}
        </button>
      </form>
      <InlineResult state={state} success="Role saved." />
    </div>
  );
}
