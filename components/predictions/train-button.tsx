'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { trainPredictionsAction } from '@/lib/predict/actions';

/**
 * "Train predictions" (members allowed to run jobs): queues one job that trains, evaluates and
 * scores every kind; an active one is returned, not doubled.
 */
export function TrainPredictionsButton({
  slug,
  label = 'Train predictions',
}: {
  slug: string;
  label?: string;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(trainPredictionsAction);
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
