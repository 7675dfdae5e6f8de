'use client';

import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { replaceCredentialsAction } from '@/lib/connectors/actions';

const FIELDS = {
  shopify: [
    { name: 'accessToken', label: 'New Admin API access token' },
    { name: 'webhookSecret', label: 'New webhook signing secret' },
  ],
  woocommerce: [
    { name: 'consumerKey', label: 'New consumer key' },
    { name: 'consumerSecret', label: 'New consumer secret' },
    { name: 'webhookSecret', label: 'New webhook secret' },
  ],
} as const;

/** Replaces saved credentials; blank fields keep what is saved. Nothing saved is ever shown. */
export function ReplaceCredentialsForm({
  slug,
  id,
  platform,
}: {
  slug: string;
  id: string;
  platform: 'shopify' | 'woocommerce';
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(replaceCredentialsAction, (_d, form) =>
    form.reset(),
  );
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="id" value={id} />
      <p className="text-xs text-slate-600">
        Leave a field blank to keep the saved value. New keys are checked with the store first.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS[platform].map((f) => {
          const fieldId = `replace-${id}-${f.name}`;
          return (
            <Field key={f.name} id={fieldId} label={f.label} errors={fieldErrors(failed, f.name)}>
              <TextInput
                id={fieldId}
                name={f.name}
                type="password"
                autoComplete="off"
                errors={fieldErrors(failed, f.name)}
              />
            </Field>
          );
        })}
      </div>
      {failed ? (
        <FormMessage
          state={failed.fieldErrors?._ ? { ...failed, message: failed.fieldErrors._.join(' ') } : failed}
        />
      ) : null}
      {state?.ok ? <FormMessage state={state} success="Credentials replaced." /> : null}
      <PendingButton pending={pending} pendingText="Saving…" variant="secondary">
        Replace credentials
      </PendingButton>
    </form>
  );
}
