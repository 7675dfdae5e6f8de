'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { PendingButton } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { inputClass } from '@/components/ui/field';
import type { AdChannel, CreativeFields, StoredCheck } from '@/db/schema/ads';
import { CHANNELS, textLength } from '@/lib/ads/channels';
import type { ActionResult } from '@/lib/actions/action';
import { GuardrailResults } from './guardrail-results';

/**
 * Inline editor of a creative's texts, one input per text with a live length counter in the
 * channel's own counting. The service re-runs every guardrail and refuses failing edits: their
 * reasons appear here and nothing is saved.
 */
export function CreativeEditForm({
  slug,
  id,
  channel,
  fields,
  pending,
  state,
  onSubmit,
  onCancel,
}: {
  slug: string;
  id: string;
  channel: AdChannel;
  fields: CreativeFields;
  pending: boolean;
  state: ActionResult<unknown> | null;
  onSubmit: (data: FormData) => void;
  onCancel: () => void;
}) {
  const spec = CHANNELS[channel];
  const [texts, setTexts] = useState<CreativeFields>(() =>
    Object.fromEntries(spec.fields.map((f) => [f.key, [...(fields[f.key] ?? [''])]])),
  );
  const set = (key: string, i: number, value: string) =>
    setTexts((t) => ({ ...t, [key]: (t[key] ?? []).map((x, j) => (j === i ? value : x)) }));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData();
        data.set('tenant', slug);
        data.set('id', id);
        data.set('fields', JSON.stringify(texts));
        onSubmit(data);
      }}
      className="space-y-3"
      noValidate
    >
      <FormMessage state={state && !state.ok ? state : null} />
      {spec.fields.map((f) => {
        const list = texts[f.key] ?? [];
        return (
          <fieldset key={f.key} className="space-y-1.5">
            <legend className="text-xs font-semibold text-slate-800">
              {f.label}s ({f.min === f.max ? f.min : `${f.min}–${f.max}`}, at most {f.limit} each
              {spec.counting === 'google' ? '; wide characters count 2' : ''})
            </legend>
            {list.map((text, i) => {
              const inputId = `edit-${id}-${f.key}-${i}`;
              const len = textLength(text, spec.counting);
              return (
                <div key={i} className="flex items-center gap-2">
                  <label htmlFor={inputId} className="w-24 shrink-0 text-xs text-slate-600">
                    {f.label} {i + 1}
                  </label>
                  <input
                    id={inputId}
                    value={text}
                    onChange={(e) => set(f.key, i, e.currentTarget.value)}
                    aria-describedby={`${inputId}-count`}
                    className={`${inputClass} py-1.5`}
                  />
                  <span
                    id={`${inputId}-count`}
                    className={`w-14 shrink-0 text-right text-xs tabular-nums ${len > f.limit ? 'font-semibold text-red-700' : 'text-slate-600'}`}
                  >
                    {len}/{f.limit}
                  </span>
                  {list.length > f.min ? (
                    <Button
                      variant="ghost"
                      className="px-2 py-1 text-xs"
                      aria-label={`Remove ${f.label.toLowerCase()} ${i + 1}`}
                      onClick={() =>
                        setTexts((t) => ({ ...t, [f.key]: (t[f.key] ?? []).filter((_, j) => j !== i) }))
                      }
                    >
                      ✕
                    </Button>
                  ) : null}
                </div>
              );
            })}
            {list.length < f.max ? (
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                onClick={() => setTexts((t) => ({ ...t, [f.key]: [...(t[f.key] ?? []), ''] }))}
              >
                Add {f.label.toLowerCase()}
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      <div className="flex gap-2">
        <PendingButton pending={pending} pendingText="Checking…" className="px-3 py-1.5 text-xs">
          Save and re-check
        </PendingButton>
        <Button variant="ghost" className="px-3 py-1.5 text-xs" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** The failures that refused an edit, announced to screen readers. */
export function RefusedEdit({ failed }: { failed: readonly StoredCheck[] }) {
  return (
    <div role="alert" className="space-y-1">
      <p className="text-xs font-semibold text-red-800">Not saved: the edited copy fails these checks.</p>
      <GuardrailResults checks={failed} title="Refused edit" />
    </div>
  );
}
