'use client';

import { useState } from 'react';
import { PendingButton, errorsUnder, useActionForm } from '@/components/ui/form-kit';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { updateSettingsAction } from '@/lib/workspace/actions';

export interface SettingsValues {
  name: string;
  currency: string;
  locale: string;
  supportedLocales: string[];
  timeZone: string;
}

export interface SettingsOptions {
  currencies: { code: string; label: string }[];
  locales: { code: string; label: string }[];
  timeZones: string[];
}

/** The workspace settings form (owners and admins). Field errors sit next to their fields. */
export function SettingsForm({
  slug,
  values,
  options,
}: {
  slug: string;
  values: SettingsValues;
  options: SettingsOptions;
}) {
  const [supported, setSupported] = useState<string[]>(values.supportedLocales);
  const { state, pending, onSubmit, formRef } = useActionForm(updateSettingsAction);
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => errorsUnder(failed?.fieldErrors, name);

  function toggle(code: string, on: boolean) {
    setSupported((cur) => (on ? [...cur, code] : cur.filter((c) => c !== code)));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="tenant" value={slug} />
      {/* With no box ticked the field would be missing entirely; send it empty so the error is "pick at least one". */}
      {supported.length === 0 ? <input type="hidden" name="supportedLocales" value="" /> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="settings-name" label="Workspace name" errors={err('name')}>
          <TextInput
            id="settings-name"
            name="name"
            defaultValue={values.name}
            maxLength={80}
            required
            autoComplete="organization"
            errors={err('name')}
          />
        </Field>
        <Field id="settings-currency" label="Default currency" errors={err('currency')}>
          <SelectInput
            id="settings-currency"
            name="currency"
            defaultValue={values.currency}
            errors={err('currency')}
          >
            {options.currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.label}
              </option>
            ))}
          </SelectInput>
        </Field>
      </div>

      <fieldset
        aria-describedby={`settings-locales-hint${err('supportedLocales') ? ' settings-locales-error' : ''}`}
      >
        <legend className="text-sm font-medium text-slate-800">Supported locales</legend>
        <p id="settings-locales-hint" className="mt-1 text-xs text-slate-500">
          The languages your shop serves; recommendations and texts are prepared for each.
        </p>
        <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
          {options.locales.map((l) => (
            <label
              key={l.code}
              className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-800 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-brand-500"
            >
              <input
                type="checkbox"
                name="supportedLocales"
                value={l.code}
                checked={supported.includes(l.code)}
                onChange={(e) => toggle(l.code, e.currentTarget.checked)}
                className="accent-brand-600"
              />
              {l.label} <span className="text-xs text-slate-600">({l.code})</span>
            </label>
          ))}
        </div>
        {err('supportedLocales') ? (
          <p id="settings-locales-error" role="alert" className="mt-1.5 text-xs text-red-700">
            {err('supportedLocales')?.join(' ')}
          </p>
        ) : null}
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id="settings-locale"
          label="Default locale"
          hint="Must be one of the supported locales."
          errors={err('locale')}
        >
          <SelectInput
            id="settings-locale"
            name="locale"
            defaultValue={values.locale}
            errors={err('locale')}
            aria-describedby={`settings-locale-hint${err('locale') ? ' settings-locale-error' : ''}`}
          >
            {options.locales.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label} ({l.code})
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field
          id="settings-tz"
          label="Time zone"
          hint="An IANA name such as Europe/Berlin; dates in the dashboard use it."
          errors={err('timeZone')}
        >
          <TextInput
            id="settings-tz"
            name="timeZone"
            defaultValue={values.timeZone}
            list="settings-tz-list"
            autoComplete="off"
            spellCheck={false}
            required
            hint
            errors={err('timeZone')}
          />
          <datalist id="settings-tz-list">
            {options.timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
      </div>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-100 pt-5">
        <PendingButton pending={pending} pendingText="Saving…">
          Save settings
        </PendingButton>
        <div className="min-w-0 flex-1">
          <FormMessage state={state} success="Settings saved." />
        </div>
      </div>
    </form>
  );
}
