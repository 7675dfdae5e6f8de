'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { syncConnectionAction } from '@/lib/connectors/actions';

/** "Sync now" for one connection; a sync already queued or running is reported, not doubled. */
export function SyncButton({ slug, id, name }: { slug: string; id: string; name: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(syncConnectionAction);
  const success = state?.ok
    ? state.data.created
      ? 'Sync started.'
      : 'A sync of this store is already queued or running.'
    : undefined;
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      className="inline-flex flex-col items-start"
      aria-label={`Sync ${name}`}
    >
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="id" value={id} />
      <PendingButton pending={pending} pendingText="Starting…" variant="secondary">
        Sync now
      </PendingButton>
      <InlineResult state={state} success={success} />
    </form>
  );
}
