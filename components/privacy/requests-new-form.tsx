'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { createPrivacyRequestAction } from '@/lib/privacy/requests/actions';
import { IDENTIFIER_LABELS, KIND_LABELS, REGULATION_LABELS } from './requests-present';

/** Files a request: kind, regulation, who it is about, how to reach them; corrections for a rectification. */
export function NewRequestForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [kind, setKind] = useState('access');
  const { state, pending, onSubmit, formRef } = useActionForm(createPrivacyRequestAction, (data) =>
    router.push(`/${slug}/privacy/requests/${data.id}`),
  );
  const failed = state && !state.ok ? state : null;
  const err = (k: string) => failed?.fieldErrors?.[k];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <input type="hidden" name="tenant" value={slug} />
      <FormMessage state={failed} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="dsr-kind" label="Kind of request" errors={err('kind')}>
          <SelectInput
            id="dsr-kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            errors={err('kind')}
          >
            {Object.entries(KIND_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field
          id="dsr-regulation"
          label="Regulation"
          hint="Sets the due date: 30 days (GDPR, UK GDPR) or 45 days (CCPA)."
          errors={err('regulation')}
        >
          <SelectInput id="dsr-regulation" name="regulation" defaultValue="gdpr" errors={err('regulation')}>
            {Object.entries(REGULATION_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field id="dsr-identifier-type" label="Identify the person by" errors={err('identifierType')}>
          <SelectInput
            id="dsr-identifier-type"
            name="identifierType"
            defaultValue="email"
            errors={err('identifierType')}
          >
            {Object.entries(IDENTIFIER_LABELS).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field id="dsr-identifier" label="Identifier" errors={err('identifier')}>
          <TextInput
            id="dsr-identifier"
            name="identifier"
            maxLength={320}
            required
            autoComplete="off"
            errors={err('identifier')}
          />
        </Field>
      </div>
      <Field
        id="dsr-contact"
        label="Requester contact (optional)"
        hint="Stored encrypted and deleted when the request closes."
        errors={err('contact')}
      >
        <TextInput
          id="dsr-contact"
          name="contact"
          maxLength={320}
          autoComplete="off"
          hint
          errors={err('contact')}
        />
      </Field>
      <Field
        id="dsr-note"
        label="Note (optional)"
        hint="For your team. Do not paste personal data here: an erasure's scan would find it."
        errors={err('note')}
      >
        <TextInput id="dsr-note" name="note" maxLength={2000} hint errors={err('note')} />
      </Field>
      {kind === 'rectification' ? (
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">
            Corrected values (fill what changes)
          </legend>
          {failed?.fieldErrors?.changes ? (
            <p role="alert" className="text-xs text-red-700">
              {failed.fieldErrors.changes.join(' ')}
            </p>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="dsr-new-email" label="Email" errors={err('changes.email')}>
              <TextInput
                id="dsr-new-email"
                name="newEmail"
                type="email"
                autoComplete="off"
                errors={err('changes.email')}
              />
            </Field>
            <Field id="dsr-new-name" label="Name" errors={err('changes.name')}>
              <TextInput id="dsr-new-name" name="newName" autoComplete="off" errors={err('changes.name')} />
            </Field>
            <Field id="dsr-new-country" label="Country (two letters)" errors={err('changes.country')}>
              <TextInput
                id="dsr-new-country"
                name="newCountry"
                maxLength={2}
                errors={err('changes.country')}
              />
            </Field>
            <Field id="dsr-new-locale" label="Language (e.g. de-AT)" errors={err('changes.locale')}>
              <TextInput id="dsr-new-locale" name="newLocale" maxLength={20} errors={err('changes.locale')} />
            </Field>
          </div>
        </fieldset>
      ) : null}
      <div className="flex gap-3">
        <PendingButton pending={pending} pendingText="Filing…">
          File request
        </PendingButton>
        <a href={`/${slug}/privacy/requests`} className={buttonClass('ghost')}>
          Cancel
        </a>
      </div>
    </form>
  );
}
