'use client';

import { useRouter } from 'next/navigation';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { runRetentionNowAction } from '@/lib/privacy/settings-actions';

/** "Run retention now": queues the job; the panel below follows its progress. */
export function RunRetentionButton({ slug }: { slug: string }) {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useActionForm(runRetentionNowAction, () => router.refresh());
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} variant="secondary" pendingText="Queueing…">
        Run retention now
      </PendingButton>
      <InlineResult
        state={state}
        success={state?.ok ? (state.data.created ? 'Queued.' : 'Already queued or running.') : undefined}
      />
    </form>
  );
}
