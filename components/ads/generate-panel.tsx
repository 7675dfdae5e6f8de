'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { startGenerationAction } from '@/lib/ads/actions';

/** Queues a generation run of every slot of the campaign; the progress shows under it. */
export function GenerateButton({
  slug,
  campaignId,
  label,
}: {
  slug: string;
  campaignId: string;
  label: string;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(startGenerationAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-start">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="id" value={campaignId} />
      <PendingButton pending={pending} pendingText="Queuing…">
        {label}
      </PendingButton>
      <InlineResult state={state} success="Generation queued." />
    </form>
  );
}
