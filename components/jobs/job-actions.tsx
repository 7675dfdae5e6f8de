'use client';

import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { type JobActionResult, cancelJobAction, retryJobAction, runCleanupAction } from '@/lib/jobs/actions';

type Action = (prev: unknown, formData: FormData) => Promise<JobActionResult>;

function ActionButton({
  action,
  fields,
  label,
  accessibleLabel,
  pendingText,
  variant,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  accessibleLabel: string;
  pendingText: string;
  variant: 'secondary' | 'danger' | 'primary';
}) {
  const [state, formAction, pending] = useActionState<JobActionResult | null, FormData>(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        aria-label={accessibleLabel}
        className={buttonClass(variant, variant === 'primary' ? '' : 'px-2.5 py-1.5 text-xs')}
      >
        {pending ? pendingText : label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="max-w-[14rem] text-right text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** Cancel (queued or running jobs) and Retry (failed or cancelled jobs) for one row. */
export function JobActions({
  slug,
  id,
  label,
  canCancel,
  canRetry,
}: {
  slug: string;
  id: string;
  /** Names the job for screen readers, e.g. "Workspace clean-up created 5 min ago". */
  label: string;
  canCancel: boolean;
  canRetry: boolean;
}) {
  if (!canCancel && !canRetry) return null;
  return (
    <div className="flex justify-end gap-2">
      {canCancel ? (
        <ActionButton
          action={cancelJobAction}
          fields={{ tenant: slug, id }}
          label="Cancel"
          accessibleLabel={`Cancel ${label}`}
          pendingText="Cancelling…"
          variant="danger"
        />
      ) : null}
      {canRetry ? (
        <ActionButton
          action={retryJobAction}
          fields={{ tenant: slug, id }}
          label="Retry"
          accessibleLabel={`Retry ${label}`}
          pendingText="Queuing…"
          variant="secondary"
        />
      ) : null}
    </div>
  );
}

/** Queues the workspace clean-up now: also a quick way to see the jobs machinery at work. */
export function RunCleanupButton({ slug }: { slug: string }) {
  return (
    <ActionButton
      action={runCleanupAction}
      fields={{ tenant: slug }}
      label="Run clean-up now"
      accessibleLabel="Run the workspace clean-up now"
      pendingText="Queuing…"
      variant="primary"
    />
  );
}
