'use client';

import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import type { ActionResult } from '@/lib/actions/action';

export interface EmbedderChoice {
  /** `auto`, `lexical` or `model:<id>`. */
  value: string;
  label: string;
  description: string;
  /** A model that is not in MODELS_DIR (choosing it keeps the fallback until it is installed). */
  notInstalled?: boolean;
}

type Action = (prev: ActionResult<unknown> | null, formData: FormData) => Promise<ActionResult<unknown>>;

/** Choose the workspace's embedder (owners and admins). Changing it re-embeds in the background. */
export function EmbedderForm({
  slug,
  action,
  choices,
  current,
}: {
  slug: string;
  action: Action;
  choices: EmbedderChoice[];
  current: string;
}) {
  const { state, pending, onSubmit, formRef } = useActionForm(action);
  const errors = fieldErrors(state, 'embedder');
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4">
      <input type="hidden" name="tenant" value={slug} />
      <FormMessage
        state={state}
        success="Saved. Products are re-embedded in the background; the old vectors answer queries until the new ones are ready."
      />
      <fieldset aria-describedby={errors ? 'embedder-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Embedder for this workspace</legend>
        <div className="mt-2 space-y-2">
          {choices.map((c) => (
            <label
              key={c.value}
              className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-500"
            >
              <input
                type="radio"
                name="embedder"
                value={c.value}
                defaultChecked={c.value === current}
                aria-describedby={`embedder-${c.value.replace(/[^a-z0-9]/gi, '-')}-desc`}
                className="mt-0.5 size-4 text-brand-600"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">
                  {c.label}
                  {c.notInstalled ? (
                    <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
                      Not installed
                    </span>
                  ) : null}
                </span>
                <span
                  id={`embedder-${c.value.replace(/[^a-z0-9]/gi, '-')}-desc`}
                  className="block text-xs text-slate-600"
                >
                  {c.description}
                </span>
              </span>
            </label>
          ))}
        </div>
        {errors ? (
          <p id="embedder-error" role="alert" className="mt-1 text-xs text-red-700">
            {errors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <PendingButton pending={pending} pendingText="Saving…">
        Save embedder
      </PendingButton>
    </form>
  );
}
