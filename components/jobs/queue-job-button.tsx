'use client';

import type { ActionResult } from '@/lib/actions/action';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';

type QueueAction<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * A button that queues one background job for the workspace through `action`. The action returns
 * the job already queued or running instead of a second one (`created: false`), and the message
 * below the button says which happened.
 */
export function QueueJobButton<T extends { created: boolean }>({
  slug,
  action,
  label,
  queued,
  running,
  variant,
}: {
  slug: string;
  action: QueueAction<T>;
  label: string;
  /** Shown when a new job was queued, e.g. "Report queued." */
  queued: string;
  /** Shown when one was already queued or running. */
  running: string;
  variant?: 'primary' | 'secondary';
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(action);
  const success = state?.ok && !state.data.created ? running : queued;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} pendingText="Queuing…" variant={variant}>
        {label}
      </PendingButton>
      <InlineResult state={state} success={success} />
    </form>
  );
}
