'use client';

import type { HTMLInputTypeAttribute } from 'react';
import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { connectStoreAction } from '@/lib/connectors/actions';

/** One credential field of a platform's connect form. */
export interface ConnectField {
  name: string;
  label: string;
  hint: string;
  type?: HTMLInputTypeAttribute;
  required?: boolean;
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
}

export interface ConnectFormSpec {
  /** The connector's platform id, posted as `platform`. */
  platform: 'shopify' | 'woocommerce';
  /** Shown as the heading and on the button. */
  label: string;
  fields: readonly ConnectField[];
}

/**
 * Connects a store of one platform: its credential fields, then `connectStoreAction`, which checks
 * the credentials against the store before saving them. Resets the form on success so no secret
 * stays in the page.
 */
export function ConnectStoreForm({ slug, spec }: { slug: string; spec: ConnectFormSpec }) {
  const { state, pending, onSubmit, formRef } = useActionForm(connectStoreAction, (_data, form) =>
    form.reset(),
  );
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => fieldErrors(failed, name);
  const heading = `connect-${spec.platform}-heading`;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby={heading}>
      <h3 id={heading} className="text-sm font-semibold text-slate-900">
        {spec.label}
      </h3>
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="platform" value={spec.platform} />
      {spec.fields.map((f) => {
        const id = `${spec.platform}-${f.name}`;
        return (
          <Field key={f.name} id={id} label={f.label} hint={f.hint} errors={err(f.name)}>
            <TextInput
              id={id}
              name={f.name}
              type={f.type}
              required={f.required}
              placeholder={f.placeholder}
              maxLength={f.maxLength}
              autoComplete={f.autoComplete ?? 'off'}
              spellCheck={false}
              hint
              errors={err(f.name)}
            />
          </Field>
        );
      })}
      {failed && !failed.fieldErrors ? <FormMessage state={failed} /> : null}
      {state?.ok ? (
        <FormMessage state={state} success={`Connected “${state.data.name}”. The first sync has started.`} />
      ) : null}
      <PendingButton pending={pending} pendingText="Checking the store…">
        Connect {spec.label}
      </PendingButton>
    </form>
  );
}
