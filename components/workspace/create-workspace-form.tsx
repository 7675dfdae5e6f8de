'use client';

import { createWorkspaceAction } from '@/lib/workspace/actions';
import { Field, TextInput } from '@/components/ui/field';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';

export function CreateWorkspaceForm() {
  const [state, action] = useFormAction(createWorkspaceAction);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field id="name" label="Workspace name" errors={fieldErrors(state, 'name')}>
        <TextInput
          id="name"
          name="name"
          required
          defaultValue={state?.values.name}
          errors={fieldErrors(state, 'name')}
        />
      </Field>
      <Field
        id="slug"
        label="Address (optional)"
        hint="Lowercase letters, digits and dashes; taken from the name when empty."
        errors={fieldErrors(state, 'slug')}
      >
        <TextInput
          id="slug"
          name="slug"
          hint
          errors={fieldErrors(state, 'slug')}
          placeholder="my-shop"
          defaultValue={state?.values.slug}
        />
      </Field>
      <SubmitButton className="w-full" pendingText="Creating…">
        Create workspace
      </SubmitButton>
    </form>
  );
}
