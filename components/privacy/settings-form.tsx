'use client';

import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { errorsUnder, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { updatePrivacySettingsAction } from '@/lib/privacy/settings-actions';
import type { PrivacySettings } from '@/lib/privacy/settings-schemas';

const PERIODS = [
  {
    name: 'rawEventsDays',
    label: 'Raw events',
    unit: 'days',
    max: 3650,
    hint: 'Behaviour events older than this are deleted.',
  },
  {
    name: 'inactiveShopperMonths',
    label: 'Inactive shoppers',
    unit: 'months',
    max: 120,
    hint: 'Shoppers with no visit, event or order for this long are erased completely.',
  },
  {
    name: 'logsDays',
    label: 'Logs',
    unit: 'days',
    max: 3650,
    hint: 'Finished job runs, webhook deliveries and import rejections. The audit log is never purged.',
  },
] as const;

/** Privacy settings: consent handling and the three retention periods (blank keeps forever). */
export function PrivacySettingsForm({
  slug,
  values,
  canEdit,
}: {
  slug: string;
  values: PrivacySettings;
  canEdit: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(updatePrivacySettingsAction);
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => errorsUnder(failed?.fieldErrors, name);
  const v = state?.ok ? state.data : values;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Privacy settings">
      <input type="hidden" name="tenant" value={slug} />
      <FormMessage state={state} success="Privacy settings saved." />
      <fieldset disabled={!canEdit} className="space-y-6">
        <div className="grid gap-5 sm:grid-cols-3">
          <Field
            id="privacy-consent-mode"
            label="Consent mode"
            hint="Opt-in: identified processing only with a grant (GDPR). Opt-out: until withdrawn (CCPA)."
            errors={err('consentMode')}
          >
            <SelectInput id="privacy-consent-mode" name="consentMode" defaultValue={v.consentMode}>
              <option value="opt_in">Opt-in</option>
              <option value="opt_out">Opt-out</option>
            </SelectInput>
          </Field>
          <Field
            id="privacy-unconsented"
            label="Events without analytics consent"
            hint="Kept without identifiers, or not stored at all."
            errors={err('unconsentedEvents')}
          >
            <SelectInput id="privacy-unconsented" name="unconsentedEvents" defaultValue={v.unconsentedEvents}>
              <option value="anonymize">Store anonymized</option>
              <option value="drop">Drop</option>
            </SelectInput>
          </Field>
          <Field
            id="privacy-policy-version"
            label="Privacy policy version"
            hint="Recorded with consent decisions that name none."
            errors={err('policyVersion')}
          >
            <TextInput
              id="privacy-policy-version"
              name="policyVersion"
              defaultValue={v.policyVersion}
              maxLength={40}
              errors={err('policyVersion')}
              hint
            />
          </Field>
        </div>
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Retention</legend>
          <p className="mt-1 text-xs text-slate-500">
            Leave a period blank to keep forever. The retention job runs daily at 03:30 UTC.
          </p>
          <div className="mt-3 grid gap-5 sm:grid-cols-3">
            {PERIODS.map((p) => (
              <Field
                key={p.name}
                id={`privacy-${p.name}`}
                label={`${p.label} (${p.unit})`}
                hint={p.hint}
                errors={err(p.name)}
              >
                <TextInput
                  id={`privacy-${p.name}`}
                  name={p.name}
                  type="number"
                  min={1}
                  max={p.max}
                  inputMode="numeric"
                  placeholder="Keep forever"
                  defaultValue={v[p.name] ?? ''}
                  errors={err(p.name)}
                  hint
                />
              </Field>
            ))}
          </div>
        </fieldset>
        {canEdit ? (
          <PendingButton pending={pending} pendingText="Saving…">
            Save privacy settings
          </PendingButton>
        ) : (
          <p className="text-sm text-slate-600">Only owners and admins can change privacy settings.</p>
        )}
      </fieldset>
    </form>
  );
}
