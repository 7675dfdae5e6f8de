'use client';

import { useEffect, useRef, useState } from 'react';
import { CopyField, PendingButton, errorsUnder, useActionForm } from '@/components/ui/form-kit';
import { Button } from '@/components/ui/button';
import { Field, TextInput, inputClass } from '@/components/ui/field';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { type CreatedApiKey, createApiKeyAction } from '@/lib/apikeys/actions';
import { ScopePicker } from './scope-picker';

const KINDS = [
  {
    value: 'secret',
    label: 'Secret key',
    hint: 'For your servers and the REST API, limited to the scopes you choose: never put it in a web page.',
  },
  {
    value: 'publishable',
    label: 'Publishable key',
    hint: 'For the storefront snippet in the browser. Only works from the origins you list.',
  },
] as const;

/** Creates a key; the full value is shown once in a panel with Copy, then only its prefix remains. */
export function CreateKeyForm({ slug }: { slug: string }) {
  const [kind, setKind] = useState<'secret' | 'publishable'>('secret');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const { state, pending, onSubmit, formRef } = useActionForm(createApiKeyAction, (data, form) => {
    setCreated(data);
    form.reset();
    setKind('secret');
  });
  const failed = state && !state.ok ? state : null;
  const originErrors = errorsUnder(failed?.fieldErrors, 'allowedOrigins');

  useEffect(() => {
    if (created) panelHeading.current?.focus();
  }, [created]);

  if (created) {
    return (
      <section
        aria-labelledby="new-key-heading"
        className="space-y-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200"
      >
        <h3
          id="new-key-heading"
          ref={panelHeading}
          tabIndex={-1}
          className="text-sm font-semibold text-slate-900"
        >
          Key “{created.name}” created
        </h3>
        <p role="alert" className="text-sm text-amber-900">
          Copy this key now. For your security it will not be shown again: only its prefix stays visible. If
          you lose it, revoke it and create a new one.
        </p>
        <CopyField label={created.kind === 'secret' ? 'Secret key' : 'Publishable key'} value={created.key} />
        <Button variant="secondary" onClick={() => setCreated(null)}>
          Done, I have copied it
        </Button>
      </section>
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="tenant" value={slug} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label
              key={k.value}
              className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-500"
            >
              <input
                type="radio"
                name="kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => setKind(k.value)}
                aria-describedby={`kind-${k.value}-hint`}
                className="mt-0.5 accent-brand-600"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{k.label}</span>
                <span id={`kind-${k.value}-hint`} className="block text-xs text-slate-600">
                  {k.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors(failed, 'kind') ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {fieldErrors(failed, 'kind')?.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <div className="max-w-md">
        <Field
          id="key-name"
          label="Name"
          hint="Something to recognise it by, e.g. “Order sync” or “Main storefront”."
          errors={fieldErrors(failed, 'name')}
        >
          <TextInput
            id="key-name"
            name="name"
            maxLength={60}
            autoComplete="off"
            required
            hint
            errors={fieldErrors(failed, 'name')}
          />
        </Field>
      </div>
      {kind === 'secret' ? <ScopePicker errors={errorsUnder(failed?.fieldErrors, 'scopes')} /> : null}
      {kind === 'publishable' ? (
        <div className="max-w-md">
          <Field
            id="key-origins"
            label="Allowed origins"
            hint="One per line: the shop addresses that may use this key, e.g. https://shop.example.com (scheme and host, no path)."
            errors={originErrors}
          >
            <textarea
              id="key-origins"
              name="allowedOrigins"
              rows={3}
              required
              spellCheck={false}
              placeholder="https://shop.example.com"
              aria-invalid={originErrors ? true : undefined}
              aria-describedby={`key-origins-hint${originErrors ? ' key-origins-error' : ''}`}
              className={`${inputClass} font-mono`}
            />
          </Field>
        </div>
      ) : null}
      {failed && !failed.fieldErrors ? <FormMessage state={failed} /> : null}
      <PendingButton pending={pending} pendingText="Creating…">
        Create key
      </PendingButton>
    </form>
  );
}
