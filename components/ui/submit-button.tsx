'use client';

import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { buttonClass } from './button';

/** A submit button that disables itself and says so while its form's action runs. */
export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
  className = '',
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={buttonClass(variant, className)}
    >
      {pending ? (pendingText ?? 'Working…') : children}
    </button>
  );
}
