'use client';

import { Field, TextInput } from '@/components/ui/field';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { saveRecommendationMitigationAction } from '@/lib/fairness/actions';

export interface MitigationValues {
  /** Percentages as the form shows them: floors 0..50, calibration 0..100. */
  newItemFloor: number;
  newItemDays: number;
  smallBrandFloor: number;
  calibration: number;
}

const FIELDS = [
  {
    name: 'newItemFloor',
    label: 'Minimum share for new products (%)',
    hint: 'At least this share of every list’s slots goes to new products, when there are enough. 0 = off, at most 50.',
    max: 50,
  },
  {
    name: 'newItemDays',
    label: 'A product is new for (days)',
    hint: 'Days after publication a product counts as new (1–365).',
    max: 365,
  },
  {
    name: 'smallBrandFloor',
    label: 'Minimum share for small brands (%)',
    hint: 'Small brands: brands with under 2 % of purchases (or the less bought half). 0 = off, at most 50.',
    max: 50,
  },
  {
    name: 'calibration',
    label: 'Match the shopper’s category mix (%)',
    hint: 'Calibrated recommendations: 0 = off, 100 = the category mix matters as much as it can.',
    max: 100,
  },
] as const;

/**
 * The four mitigation numbers (owners and admins). Takes effect on the storefront within 30
 * seconds; the next report measures it. Read-only for other roles.
 */
export function MitigationForm({
  slug,
  values,
  canEdit,
}: {
  slug: string;
  values: MitigationValues;
  canEdit: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(saveRecommendationMitigationAction);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label="Recommendation mitigation">
      <input type="hidden" name="tenant" value={slug} />
      <div className="grid gap-4 md:grid-cols-2">
        {FIELDS.map((f) => (
          <Field key={f.name} id={`fair-${f.name}`} label={f.label} hint={f.hint} errors={errors?.[f.name]}>
            <TextInput
              id={`fair-${f.name}`}
              name={f.name}
              type="number"
              inputMode="numeric"
              step="any"
              min={f.name === 'newItemDays' ? 1 : 0}
              defaultValue={values[f.name]}
              disabled={!canEdit}
              errors={errors?.[f.name]}
              hint
            />
          </Field>
        ))}
      </div>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <PendingButton pending={pending} pendingText="Saving…">
            Save mitigation
          </PendingButton>
          <InlineResult
            state={state}
            success="Saved. The storefront uses it within 30 seconds; run the report to measure it."
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">Owners and admins can change the mitigation.</p>
      )}
    </form>
  );
}
