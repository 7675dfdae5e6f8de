'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { checkDriftAction, dismissDriftAction } from '@/lib/predict/drift/actions';

/** "Check drift now" (members allowed to run jobs): queues one drift check; an active one is returned. */
export function CheckDriftButton({ slug }: { slug: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(checkDriftAction);
  const success =
    state?.ok && !state.data.created ? 'A drift check is already queued or running.' : 'Drift check queued.';
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} pendingText="Queuing…" variant="secondary">
        Check drift now
      </PendingButton>
      <InlineResult state={state} success={success} />
    </form>
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
