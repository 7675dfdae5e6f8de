'use client';

import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/action';
import { InlineResult, useActionForm } from '@/components/ui/form-kit';

/**
 * A destructive action in two steps, without window.confirm: the first button reveals a short
 * question with "confirm" and "cancel" (Escape cancels). Focus moves to Cancel, the safe choice,
 * and returns to the trigger when the question closes.
 */
export function ConfirmForm<T>({
  action,
  fields,
  label,
  accessibleLabel,
  question,
  confirmLabel,
  pendingText = 'Working…',
  onSuccess,
  triggerSize = 'sm',
}: {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  /** Hidden inputs (tenant slug, ids). */
  fields: Record<string, string>;
  label: string;
  /** A label naming the target for screen readers, e.g. "Remove Ada Lovelace". */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  pendingText?: string;
  /** After the action succeeded, e.g. to leave the page of what was deleted. */
  onSuccess?: (data: T) => void;
  /** 'md' for a page-level action next to other full-size buttons. */
  triggerSize?: 'sm' | 'md';
}) {
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit, formRef } = useActionForm(action, (data: T) => {
    setConfirming(false);
    onSuccess?.(data);
  });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !pending) {
      e.preventDefault();
      setConfirming(false);
    }
  }

  return (
    <div className="inline-flex flex-col items-end">
      {confirming ? (
        <form
          ref={formRef}
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          className="flex flex-col items-end gap-1.5"
        >
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <span className="w-40 whitespace-normal text-right text-xs text-slate-700">{question}</span>
          <span className="flex gap-2">
            <button
              type="submit"
              disabled={pending}
              aria-disabled={pending}
              className={buttonClass('danger', 'px-2.5 py-1.5 text-xs')}
            >
              {pending ? pendingText : confirmLabel}
            </button>
            <button
              ref={cancelRef}
              type="button"
              disabled={pending}
              onClick={() => setConfirming(false)}
              className={buttonClass('ghost', 'px-2.5 py-1.5 text-xs')}
            >
              Cancel
            </button>
          </span>
        </form>
      ) : (
        <button
          ref={triggerRef}
          type="button"
          onClick={() => setConfirming(true)}
          aria-label={accessibleLabel}
          className={
            triggerSize === 'md' ? buttonClass('danger') : buttonClass('danger', 'px-2.5 py-1.5 text-xs')
          }
        >
          {label}
        </button>
      )}
      <InlineResult state={state && !state.ok ? state : null} />
    </div>
  );
}
