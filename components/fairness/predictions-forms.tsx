'use client';

import { QueueJobButton } from '@/components/jobs/queue-job-button';

import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { fieldErrors } from '@/components/ui/form-message';
import type { PredictionMitigation } from '@/db/schema/fairness';
import {
  runPredictionFairnessAction,
  savePredictionMitigationAction,
  saveSensitiveAttributesAction,
} from '@/lib/fairness/predictions/actions';

/** "Run report" (roles allowed to run jobs): queues the prediction fairness job, or reports the one running. */
export function RunPredictionFairnessButton({ slug }: { slug: string }) {
  return (
    <QueueJobButton
      slug={slug}
      action={runPredictionFairnessAction}
      label="Run report"
      queued="Report queued."
      running="A report is already queued or running."
    />
  );
}

const READ_ONLY = 'Your role can view these settings but not change them.';

/** Per-group thresholds: grouping, target and on/off (owner and admin only; others see them read-only). */
export function PredictionMitigationForm({
  slug,
  value,
  groupOptions,
  canEdit,
}: {
  slug: string;
  value: PredictionMitigation;
  /** [key, label] of the groupings the role may pick. */
  groupOptions: [string, string][];
  canEdit: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(savePredictionMitigationAction);
  const options = groupOptions.some(([k]) => k === value.groupBy)
    ? groupOptions
    : [...groupOptions, [value.groupBy, value.groupBy] as [string, string]];
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-label="Per-group thresholds" className="space-y-4">
      <input type="hidden" name="tenant" value={slug} />
      <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
        <Field id="pf-groupBy" label="Group shoppers by" errors={fieldErrors(state, 'groupBy')}>
          <SelectInput id="pf-groupBy" name="groupBy" defaultValue={value.groupBy}>
            {options.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field id="pf-target" label="Make equal across groups" errors={fieldErrors(state, 'target')}>
          <SelectInput id="pf-target" name="target" defaultValue={value.target}>
            <option value="selection_rate">Selection rate (demographic parity)</option>
            <option value="true_positive_rate">True-positive rate (equal opportunity)</option>
          </SelectInput>
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-2">
          <input type="checkbox" name="enabled" defaultChecked={value.enabled} className="h-4 w-4" />
          Use per-group thresholds in the At risk and Ready to buy lists (from the next report)
        </label>
      </fieldset>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <PendingButton pending={pending} pendingText="Saving…">
            Save thresholds
          </PendingButton>
          <InlineResult state={state} success="Saved. Run the report to compute the thresholds." />
        </div>
      ) : (
        <p className="text-xs text-slate-600">{READ_ONLY}</p>
      )}
    </form>
  );
}

/** The shopper attribute keys the store declares sensitive (comma-separated). */
export function SensitiveAttributesForm({
  slug,
  value,
  canEdit,
}: {
  slug: string;
  value: readonly string[];
  canEdit: boolean;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(saveSensitiveAttributesAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} aria-label="Sensitive attributes" className="space-y-3">
      <input type="hidden" name="tenant" value={slug} />
      <fieldset disabled={!canEdit}>
        <Field
          id="pf-sensitive"
          label="Sensitive shopper attributes"
          hint="Keys of shopper attributes, comma-separated (for example age_band, gender). Reports group by them only for owners, admins and analysts."
          errors={fieldErrors(state, 'sensitiveAttributes')}
        >
          <TextInput
            id="pf-sensitive"
            name="sensitiveAttributes"
            defaultValue={value.join(', ')}
            hint
            errors={fieldErrors(state, 'sensitiveAttributes')}
          />
        </Field>
      </fieldset>
      {canEdit ? (
        <div className="flex items-center gap-3">
          <PendingButton pending={pending} pendingText="Saving…" variant="secondary">
            Save attributes
          </PendingButton>
          <InlineResult state={state} success="Saved. The next report groups by them." />
        </div>
      ) : (
        <p className="text-xs text-slate-600">{READ_ONLY}</p>
      )}
    </form>
  );
}
