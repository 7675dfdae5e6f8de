'use client';

import { useState } from 'react';
import { Field, SelectInput, TextInput, inputClass } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { AD_PROVIDERS } from '@/db/schema/ads';
import { updateAdSettingsAction } from '@/lib/ads/actions';
import type { AdSettingsView } from '@/lib/ads/views';
import { Badge } from '@/components/ui/card';
import { PROVIDER_LABELS } from './present';

/**
 * Ad settings: which provider writes the copy (with its fields), the brand name and the copy
 * rules every creative is checked against. The OpenAI key is write-only: the page only says
 * whether one is stored; a blank field keeps it.
 */
export function AdSettingsForm({
  slug,
  settings,
  canWrite,
}: {
  slug: string;
  settings: AdSettingsView;
  canWrite: boolean;
}) {
  const [provider, setProvider] = useState(settings.provider);
  const { state, pending, onSubmit, formRef } = useActionForm(updateAdSettingsAction, (_d, form) => {
    // The key never comes back: clear the field so a saved key is not left in the page.
    const key = form.querySelector<HTMLInputElement>('input[name="openaiKey"]');
    if (key) key.value = '';
  });
  const errors = (name: string) => fieldErrors(state, name);
  const saved = state?.ok ? state.data : null;
  const keySet = saved ? saved.keySet : settings.keySet;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="tenant" value={slug} />
      <FormMessage state={state} success="Settings saved." />
      <fieldset disabled={!canWrite} className="space-y-6">
        <Field id="as-provider" label="Copy provider" errors={errors('provider')}>
          <SelectInput
            id="as-provider"
            name="provider"
            value={provider}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setProvider(v === 'openai' || v === 'local' ? v : 'template');
            }}
          >
            {AD_PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </SelectInput>
        </Field>
        {provider === 'openai' ? (
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              id="as-base"
              label="Endpoint base URL"
              hint="An OpenAI-compatible chat endpoint, ending in /v1."
              errors={errors('openaiBaseUrl')}
            >
              <TextInput
                id="as-base"
                name="openaiBaseUrl"
                type="url"
                defaultValue={settings.openaiBaseUrl ?? ''}
                errors={errors('openaiBaseUrl')}
                hint
              />
            </Field>
            <Field id="as-model" label="Model" errors={errors('openaiModel')}>
              <TextInput
                id="as-model"
                name="openaiModel"
                defaultValue={settings.openaiModel ?? ''}
                errors={errors('openaiModel')}
              />
            </Field>
            <Field
              id="as-key"
              label="API key"
              hint={
                keySet
                  ? 'A key is stored. Leave blank to keep it, or type a new one to replace it.'
                  : 'Stored encrypted; never shown again.'
              }
              errors={errors('openaiKey')}
            >
              <TextInput
                id="as-key"
                name="openaiKey"
                type="password"
                autoComplete="off"
                errors={errors('openaiKey')}
                hint
              />
            </Field>
            <div className="space-y-2 self-end pb-1 text-sm">
              <p data-testid="key-status">
                {keySet ? <Badge color="green">Key set</Badge> : <Badge color="gray">No key</Badge>}
              </p>
              {keySet ? (
                <label className="inline-flex items-center gap-2 text-slate-700">
                  <input type="checkbox" name="clearOpenaiKey" className="size-4 rounded border-slate-300" />
                  Remove the stored key
                </label>
              ) : null}
            </div>
          </div>
        ) : (
          <>
            <input type="hidden" name="openaiBaseUrl" value={settings.openaiBaseUrl ?? ''} />
            <input type="hidden" name="openaiModel" value={settings.openaiModel ?? ''} />
          </>
        )}
        {provider === 'local' ? (
          <Field
            id="as-local"
            label="Local model id"
            hint="A text-generation model in the models folder, e.g. tailor/tiny-gpt2."
            errors={errors('localModel')}
          >
            <TextInput
              id="as-local"
              name="localModel"
              defaultValue={settings.localModel ?? ''}
              errors={errors('localModel')}
              hint
            />
          </Field>
        ) : (
          <input type="hidden" name="localModel" value={settings.localModel ?? ''} />
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            id="as-brand"
            label="Brand name"
            hint="Used in the copy, as the sender of emails and the page of Meta posts."
            errors={errors('brandName')}
          >
            <TextInput
              id="as-brand"
              name="brandName"
              maxLength={60}
              defaultValue={settings.brandName ?? ''}
              errors={errors('brandName')}
              hint
            />
          </Field>
          <Field
            id="as-temp"
            label="Temperature (0–1.5)"
            hint="Higher values vary the copy more."
            errors={errors('temperature')}
          >
            <TextInput
              id="as-temp"
              name="temperature"
              type="number"
              min={0}
              max={1.5}
              step={0.1}
              defaultValue={String(settings.temperature)}
              errors={errors('temperature')}
              hint
            />
          </Field>
          <Field
            id="as-banned"
            label="Banned words"
            hint="One per line or separated by commas. Whole words, any case or accents."
            errors={errors('bannedWords')}
          >
            <textarea
              id="as-banned"
              name="bannedWords"
              rows={4}
              defaultValue={settings.bannedWords.join('\n')}
              className={inputClass}
              aria-invalid={errors('bannedWords') ? true : undefined}
              aria-describedby={errors('bannedWords') ? 'as-banned-hint as-banned-error' : 'as-banned-hint'}
            />
          </Field>
          <Field
            id="as-required"
            label="Required terms"
            hint="Every creative must contain each of these in at least one of its texts."
            errors={errors('requiredTerms')}
          >
            <textarea
              id="as-required"
              name="requiredTerms"
              rows={4}
              defaultValue={settings.requiredTerms.join('\n')}
              className={inputClass}
              aria-invalid={errors('requiredTerms') ? true : undefined}
              aria-describedby={
                errors('requiredTerms') ? 'as-required-hint as-required-error' : 'as-required-hint'
              }
            />
          </Field>
        </div>
      </fieldset>
      {canWrite ? (
        <PendingButton pending={pending} pendingText="Saving…">
          Save settings
        </PendingButton>
      ) : (
        <p className="text-sm text-slate-600">Only owners, admins and marketers can change these settings.</p>
      )}
    </form>
  );
}
