'use client';

import { ConfirmForm } from '@/components/ui/confirm-form';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { deletePlacementAction, setPlacementStatusAction } from '@/lib/placements/actions';

/** Pause/resume in one step (it is undone as easily), delete behind a confirmation. */
export function PlacementRowActions({
  slug,
  id,
  name,
  status,
}: {
  slug: string;
  id: string;
  name: string;
  status: 'active' | 'paused';
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(setPlacementStatusAction);
  const next = status === 'active' ? 'paused' : 'active';
  return (
    <div className="flex items-start justify-end gap-2">
      <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
        <input type="hidden" name="tenant" value={slug} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="status" value={next} />
        <PendingButton pending={pending} variant="secondary" className="px-2.5 py-1.5 text-xs">
          <span aria-hidden="true">{next === 'paused' ? 'Pause' : 'Resume'}</span>
          <span className="sr-only">
            {next === 'paused' ? 'Pause' : 'Resume'} {name}
          </span>
        </PendingButton>
        <InlineResult state={state && !state.ok ? state : null} />
      </form>
      <ConfirmForm
        action={deletePlacementAction}
        fields={{ tenant: slug, id }}
        label="Delete"
        accessibleLabel={`Delete ${name}`}
        question="Delete this placement? The storefront gets no products for its key."
        confirmLabel="Delete"
        pendingText="Deleting…"
      />
    </div>
  );
}
