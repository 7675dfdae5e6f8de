'use client';

import { useRouter } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { updateSegmentAction } from '@/lib/segments/actions';

/** Name and description of an RFM or discovered segment (their rules are not editable). */
export function SegmentLabelForm({
  slug,
  values,
}: {
  slug: string;
  values: { id: string; name: string; description: string };
}) {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useActionForm(updateSegmentAction, (data) =>
    router.push(`/${slug}/segments/${data.id}`),
  );
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="id" value={values.id} />
      <FormMessage state={failed} />
      <Field id="seg-name" label="Name" errors={failed?.fieldErrors?.name}>
        <TextInput
          id="seg-name"
          name="name"
          maxLength={80}
          required
          defaultValue={values.name}
          errors={failed?.fieldErrors?.name}
        />
      </Field>
      <Field id="seg-description" label="Description (optional)" errors={failed?.fieldErrors?.description}>
        <TextInput
          id="seg-description"
          name="description"
          maxLength={500}
          defaultValue={values.description}
        />
      </Field>
      <div className="flex gap-3">
        <PendingButton pending={pending} pendingText="Saving…">
          Save
        </PendingButton>
        <a href={`/${slug}/segments/${values.id}`} className={buttonClass('ghost')}>
          Cancel
        </a>
      </div>
    </form>
  );
}
