'use client';

import { buttonClass } from '@/components/ui/button';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { inputClass } from '@/components/ui/field';
import { runEvaluationAction } from '@/lib/recommend/evaluations/actions';

/**
 * "Run evaluation" with an optional cutoff date. Members who cannot run jobs see the button
 * disabled with the reason; a second click while one is queued returns that one.
 */
export function EvaluationForm({
  slug,
  canRun,
  label = 'Run evaluation',
}: {
  slug: string;
  canRun: boolean;
  label?: string;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(runEvaluationAction);
  const errors = state && !state.ok ? state.fieldErrors?.cutoff : undefined;
  const success =
    state?.ok && !state.data.created ? 'An evaluation is already queued or running.' : 'Evaluation queued.';
  if (!canRun) {
    return (
      <div className="inline-flex flex-col items-end gap-1">
        <button
          type="button"
          disabled
          aria-describedby="evaluation-run-reason"
          className={buttonClass('primary')}
        >
          {label}
        </button>
        <p id="evaluation-run-reason" className="text-xs text-slate-500">
          Viewers cannot run jobs; ask an owner, admin, marketer or analyst.
        </p>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end justify-end gap-3">
      <input type="hidden" name="tenant" value={slug} />
      <div className="space-y-1 text-left">
        <label htmlFor="evaluation-cutoff" className="block text-xs font-medium text-slate-700">
          Cutoff date (optional)
        </label>
        <input
          id="evaluation-cutoff"
          name="cutoff"
          type="date"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby="evaluation-cutoff-hint"
          className={`${inputClass} w-44`}
        />
        <p id="evaluation-cutoff-hint" className="max-w-56 text-xs text-slate-500">
          {errors?.length ? (
            <span className="text-red-700">{errors.join(' ')}</span>
          ) : (
            'Empty: the last ~22% of the data is the test period.'
          )}
        </p>
      </div>
      <div className="inline-flex flex-col items-end">
        <PendingButton pending={pending} pendingText="Queuing…">
          {label}
        </PendingButton>
        <InlineResult state={state} success={success} />
      </div>
    </form>
  );
}
