'use client';

import { signUpAction } from '@/lib/auth/actions';
import { Field, TextInput } from '@/components/ui/field';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';

export function SignUpForm({ next, email }: { next?: string; email?: string }) {
  const [state, action] = useFormAction(signUpAction);
  const v = state?.values ?? {};
  const errs = (name: string) => fieldErrors(state, name);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? '/'} />
      <Field id="name" label="Your name" errors={errs('name')}>
        <TextInput
          id="name"
          name="name"
          autoComplete="name"
          required
          defaultValue={v.name}
          errors={errs('name')}
        />
      </Field>
      <Field id="email" label="Email" errors={errs('email')}>
        <TextInput
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v.email ?? email}
          errors={errs('email')}
        />
      </Field>
      <Field
        id="password"
        label="Password"
        hint="At least 10 characters, mixing letters with digits or symbols."
        errors={errs('password')}
      >
        <TextInput
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint
          errors={errs('password')}
        />
      </Field>
      <Field
        id="workspaceName"
        label="Workspace name"
        hint="Usually your shop's name. You can rename it later."
        errors={errs('workspaceName')}
      >
        <TextInput
          id="workspaceName"
          name="workspaceName"
          required
          hint
          defaultValue={v.workspaceName}
          errors={errs('workspaceName')}
        />
      </Field>
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
