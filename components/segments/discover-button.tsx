'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { discoverSegmentsAction } from '@/lib/segments/actions';

/** Queues discovery (RFM segments and clusters); the Jobs page shows its progress. */
export function DiscoverButton({ slug, label = 'Discover segments' }: { slug: string; label?: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(discoverSegmentsAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} variant="secondary" pendingText="Queueing…">
        {label}
      </PendingButton>
      <InlineResult
        state={state}
        success={
          state?.ok
            ? state.data.created
              ? 'Queued: refresh in a minute.'
              : 'Already running: refresh in a minute.'
            : undefined
        }
      />
    </form>
  );
}
