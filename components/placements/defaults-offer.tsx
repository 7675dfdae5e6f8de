'use client';

import { FormMessage } from '@/components/ui/form-message';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { createDefaultPlacementsAction } from '@/lib/placements/actions';

/** The empty state's one-click start: the five common placements with sensible settings. */
export function DefaultsOffer({ slug }: { slug: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(createDefaultPlacementsAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-center gap-2">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} pendingText="Creating…">
        Create the default placements
      </PendingButton>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
