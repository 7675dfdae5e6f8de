'use client';

import { useRouter } from 'next/navigation';
import { Field, TextInput } from '@/components/ui/field';
import { InlineResult, PendingButton, errorsUnder, useActionForm } from '@/components/ui/form-kit';
import { updateStorefrontSettingsAction } from '@/lib/storefront/actions';

/** Attribution window (1–30 days) and holdout share (0–50 %), saved with the storefront settings. */
export function AttributionSettingsForm({
  slug,
  windowDays,
  holdoutPercent,
}: {
  slug: string;
  windowDays: number;
  holdoutPercent: number;
}) {
  const router = useRouter();
  // The report depends on the window: re-render the page with the saved value.
  const { state, pending, onSubmit, formRef } = useActionForm(updateStorefrontSettingsAction, () =>
    router.refresh(),
  );
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => errorsUnder(failed?.fieldErrors, name);
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
      aria-label="Attribution settings"
    >
      <input type="hidden" name="tenant" value={slug} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="perf-window"
          label="Attribution window (days)"
          hint="A purchase counts for a widget when the shopper clicked the product at most this many days before."
          errors={err('attributionWindowDays')}
        >
          <TextInput
            id="perf-window"
            name="attributionWindowDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            step={1}
            defaultValue={windowDays}
            hint
            errors={err('attributionWindowDays')}
          />
        </Field>
        <Field
          id="perf-holdout"
          label="Holdout share (%)"
          hint="Share of shoppers who see non-personal recommendations, to measure the uplift (0–50)."
          errors={err('holdoutPercent')}
        >
          <TextInput
            id="perf-holdout"
            name="holdoutPercent"
            type="number"
            inputMode="decimal"
            min={0}
            max={50}
            step={0.1}
            defaultValue={holdoutPercent}
            hint
            errors={err('holdoutPercent')}
          />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <PendingButton pending={pending} pendingText="Saving…">
          Save attribution settings
        </PendingButton>
        <InlineResult state={state} success="Saved. The report uses the new window from now on." />
      </div>
    </form>
  );
}
