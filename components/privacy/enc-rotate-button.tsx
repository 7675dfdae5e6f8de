'use client';

import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { rotateFieldKeyAction } from '@/lib/privacy/encryption-actions';

/** Rotates the field data key; the page refreshes itself while the re-encryption job runs. */
export function EncRotateButton({ slug }: { slug: string }) {
  const { state, pending, onSubmit, formRef } = useActionForm(rotateFieldKeyAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="inline-flex flex-col items-end">
      <input type="hidden" name="tenant" value={slug} />
      <PendingButton pending={pending} variant="primary" pendingText="Rotating…">
        Rotate data key
      </PendingButton>
      <InlineResult
        state={state}
        success={
          state?.ok
            ? `Key version ${state.data.version} is now in use; re-encrypting in the background.`
            : undefined
        }
      />
    </form>
  );
}
