'use client';

import { useRouter } from 'next/navigation';
import { inputClass } from '@/components/ui/field';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { createSegmentAction } from '@/lib/segments/actions';
import type { SegmentRules } from '@/lib/segments/schemas';

/**
 * "Save as segment": one click saves the list's rule (e.g. churn risk ≥ 60%) as a segment under
 * the suggested name (editable) and opens the new segment. The segment follows the live scores,
 * so it keeps itself up to date after each training.
 */
export function SaveSegmentForm({
  slug,
  rules,
  defaultName,
  description,
}: {
  slug: string;
  rules: SegmentRules;
  defaultName: string;
  description: string;
}) {
  const router = useRouter();
  const { state, pending, onSubmit, formRef } = useActionForm(createSegmentAction, (data) => {
    router.push(`/${slug}/segments/${data.id}`);
  });
  const nameErrors = state && !state.ok ? state.fieldErrors?.name : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="rules" value={JSON.stringify(rules)} />
      <input type="hidden" name="description" value={description} />
      <div className="space-y-1">
        <label htmlFor="segment-name" className="block text-xs font-medium text-slate-700">
          Segment name
        </label>
        <input
          id="segment-name"
          name="name"
          required
          maxLength={80}
          defaultValue={defaultName}
          aria-invalid={nameErrors?.length ? true : undefined}
          aria-describedby={nameErrors?.length ? 'segment-name-error' : undefined}
          className={`${inputClass} w-72`}
        />
        {nameErrors?.length ? (
          <p id="segment-name-error" className="text-xs text-red-700">
            {nameErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <div className="inline-flex flex-col items-start">
        <PendingButton pending={pending} pendingText="Saving…">
          Save as segment
        </PendingButton>
        <InlineResult state={state && !state.ok && !nameErrors?.length ? state : null} />
        {state?.ok ? (
          <p role="status" className="mt-1 text-xs text-emerald-700">
            Segment saved; opening it…
          </p>
        ) : null}
      </div>
    </form>
  );
}
