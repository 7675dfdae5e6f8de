'use client';

import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { InlineResult, useActionForm } from '@/components/ui/form-kit';
import type { ActionResult } from '@/lib/actions/action';

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/** One button posting hidden fields to a server action; a refusal shows under it. */
export function ActionButton<T>({
  action,
  fields,
  children,
  accessibleLabel,
  pendingText = 'Working…',
  variant = 'secondary',
  success,
  size = 'sm',
}: {
  action: Action<T>;
  fields: Record<string, string>;
  children: ReactNode;
  /** Names the target for screen readers when the visible text is short ("Approve" → "Approve creative 3"). */
  accessibleLabel?: string;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  success?: string;
  size?: 'sm' | 'md';
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-start">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        aria-label={accessibleLabel}
        className={buttonClass(variant, size === 'sm' ? 'px-2.5 py-1.5 text-xs' : '')}
      >
        {pending ? pendingText : children}
      </button>
      <InlineResult state={state} success={success} />
    </form>
  );
}
