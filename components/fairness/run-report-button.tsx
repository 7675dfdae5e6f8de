'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { runRecommendationFairnessAction } from '@/lib/fairness/actions';

/** Queues the recommendation fairness report; one already queued or running is returned, not doubled. */
export function RunReportButton({ slug, label = 'Run report' }: { slug: string; label?: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(runRecommendationFairnessAction);
  const success =
    state?.ok && !state.data.created ? 'A report is already queued or running.' : 'Report queued.';
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
