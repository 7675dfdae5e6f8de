'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { startTrainingAction } from '@/lib/recommend/actions';

/** Queues training now (members allowed to run jobs); an active training is returned, not doubled. */
export function TrainButton({ slug, label = 'Train now' }: { slug: string; label?: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(startTrainingAction);
  const success =
    state?.ok && !state.data.created ? 'Training is already queued or running.' : 'Training queued.';
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} pendingText="Queuing…">
        {label}
      </PendingButton>
      <InlineResult state={state} success={success} />
    </form>
  );
}
