'use client';

import { QueueJobButton } from '@/components/jobs/queue-job-button';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { checkDriftAction, dismissDriftAction } from '@/lib/predict/drift/actions';

/** "Check drift now" (members allowed to run jobs): queues one drift check; an active one is returned. */
export function CheckDriftButton({ slug }: { slug: string }) {
  return (
    <QueueJobButton
      slug={slug}
      action={checkDriftAction}
      label="Check drift now"
      queued="Drift check queued."
      running="A drift check is already queued or running."
      variant="secondary"
    />
  );
}

/** "Dismiss alert" (owners and admins): hides the alert of this measurement until the next one. */
export function DismissDriftButton({ slug, id }: { slug: string; id: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(dismissDriftAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="id" value={id} />
      <PendingButton pending={pending} pendingText="Dismissing…" variant="ghost">
        Dismiss alert
      </PendingButton>
      <InlineResult state={state} success="Alert dismissed." />
    </form>
  );
}
