'use client';

import {
  type FormEvent,
  type ReactNode,
  startTransition,
  useActionState,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState, submitted from onSubmit rather than `<form action>`: React's automatic form
 * reset would wipe what the user typed when the server refuses it. After a failure, focus moves
 * to the first invalid field; `onSuccess` runs once per successful result.
 */
export function useActionForm<T>(action: Action<T>, onSuccess?: (data: T, form: HTMLFormElement) => void) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const onSuccessRef = useRef(onSuccess);
  onSuccessRef.current = onSuccess;

  useEffect(() => {
    const form = formRef.current;
    if (!state || !form) return;
    if (state.ok) onSuccessRef.current?.(state.data, form);
    else form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }
  return { state, pending, onSubmit, formRef };
}

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** A submit button driven by an explicit pending flag (for forms submitted through useActionForm). */
export function PendingButton({
  pending,
  children,
  pendingText,
  variant = 'primary',
  className = '',
}: {
  pending: boolean;
  children: ReactNode;
  pendingText?: string;
  variant?: Variant;
  className?: string;
}) {
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

/** A compact inline result line: an alert on failure, a status note on success. */
export function InlineResult({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="mt-1 max-w-64 whitespace-normal text-xs text-red-700">
        {state.message}
      </p>
    );
  }
  if (!success) return null;
  return (
    <p role="status" className="mt-1 text-xs text-emerald-700">
      {success}
    </p>
  );
}

/**
 * A read-only value with a Copy button. The outcome is announced in a live region; when the
 * clipboard is unavailable the text is selected so the user can copy it by hand.
 */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: ReactNode }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // The outcome belongs to the value it was for: a new value starts without a status.
  const [outcome, setOutcome] = useState<{ for: string; status: 'copied' | 'failed' } | null>(null);
  const status = outcome?.for === value ? outcome.status : 'idle';

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome({ for: value, status: 'copied' });
    } catch {
      inputRef.current?.select();
      setOutcome({ for: value, status: 'failed' });
    }
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={`${inputClass} font-mono`}
        />
        <button type="button" onClick={copy} className={buttonClass('secondary', 'shrink-0')}>
          Copy
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        className={`min-h-4 text-xs font-medium ${status === 'failed' ? 'text-amber-800' : 'text-emerald-700'}`}
      >
        {status === 'copied'
          ? 'Copied to the clipboard.'
          : status === 'failed'
            ? 'Could not copy: the text is selected, press Ctrl+C (⌘C).'
            : ''}
      </p>
    </div>
  );
}

/** Errors of a field and its items (`allowedOrigins`, `allowedOrigins.0`, …), each message once. */
export function errorsUnder(
  errors: Record<string, string[]> | undefined,
  name: string,
): string[] | undefined {
  if (!errors) return undefined;
  const out = new Set<string>();
  for (const [k, messages] of Object.entries(errors)) {
    if (k !== name && !k.startsWith(`${name}.`)) continue;
    for (const m of messages) out.add(m);
  }
  return out.size ? [...out] : undefined;
}
