'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import type { ActionResult } from '@/lib/actions/action';

type Action = (prev: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/** Starts an embedding run now (members allowed to run jobs). Unchanged products are not re-embedded. */
export function ReembedButton({ slug, action }: { slug: string; action: Action }) {
  const { state, pending, onSubmit, formRef } = useActionForm(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} pendingText="Queuing…">
        Re-embed now
      </PendingButton>
      <InlineResult state={state} success="Embedding run queued." />
    </form>
  );
}
