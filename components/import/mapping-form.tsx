'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { InlineResult, PendingButton, useActionForm } from '@/components/ui/form-kit';
import { saveMappingAction, startImportAction } from '@/lib/import/actions';

export interface MappingField {
  key: string;
  label: string;
  required: boolean;
  hint?: string;
}

/**
 * Column mapping of an import: a select per target field (changing one refreshes the preview
 * below through the URL), a saved mapping to start from, "save as", and Start.
 */
export function MappingForm({
  slug,
  importId,
  kind,
  retail,
  fields,
  columns,
  initial,
  saved,
  currency,
  blocked,
  restart,
}: {
  slug: string;
  importId: string;
  kind: string;
  retail: boolean;
  fields: MappingField[];
  columns: string[];
  initial: Record<string, string>;
  saved: { id: string; name: string; mapping: Record<string, string> }[];
  currency: string;
  /** Whole-file problems: Start stays disabled until they are fixed. */
  blocked: boolean;
  restart: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [mapping, setMapping] = useState(initial);
  const start = useActionForm(startImportAction, () => router.refresh());
  const save = useActionForm(saveMappingAction);

  function apply(next: Record<string, string>) {
    setMapping(next);
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) q.set(`map.${k}`, v);
    if (q.size === 0) q.set('map', 'none');
    router.replace(`${pathname}?${q}`, { scroll: false });
  }

  const hidden = (
    <>
      <input type="hidden" name="tenant" value={slug} />
      {Object.entries(mapping).map(([k, v]) =>
        v ? <input key={k} type="hidden" name={`map.${k}`} value={v} /> : null,
      )}
    </>
  );

  return (
    <div className="space-y-6">
      {!retail ? (
        <fieldset className="space-y-4">
          <legend className="text-sm font-medium text-slate-800">Which column holds each field?</legend>
          {saved.length > 0 ? (
            <div className="max-w-sm">
              <Field id="saved-mapping" label="Start from a saved mapping">
                <SelectInput
                  id="saved-mapping"
                  defaultValue=""
                  onChange={(e) => {
                    const m = saved.find((s) => s.id === e.target.value);
                    if (m)
                      apply(
                        Object.fromEntries(Object.entries(m.mapping).filter(([, c]) => columns.includes(c))),
                      );
                  }}
                >
                  <option value="">Choose…</option>
                  {saved.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </SelectInput>
              </Field>
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {fields.map((f) => (
              <Field
                key={f.key}
                id={`map-${f.key}`}
                label={`${f.label}${f.required ? ' (required)' : ''}`}
                hint={f.hint}
              >
                <SelectInput
                  id={`map-${f.key}`}
                  name={`map.${f.key}`}
                  value={mapping[f.key] ?? ''}
                  aria-describedby={f.hint ? `map-${f.key}-hint` : undefined}
                  onChange={(e) => apply({ ...mapping, [f.key]: e.target.value })}
                >
                  <option value="">— not in the file —</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </SelectInput>
              </Field>
            ))}
          </div>
        </fieldset>
      ) : null}

      <form
        ref={start.formRef}
        onSubmit={start.onSubmit}
        noValidate
        className="flex flex-wrap items-end gap-4"
      >
        {hidden}
        <input type="hidden" name="id" value={importId} />
        <div className="w-40">
          <Field id="start-currency" label="Currency of prices">
            <TextInput
              id="start-currency"
              name="currency"
              defaultValue={currency}
              maxLength={3}
              autoComplete="off"
            />
          </Field>
        </div>
        {blocked ? (
          <button type="submit" disabled aria-disabled className={buttonClass('primary')}>
            {restart ? 'Import again' : 'Start import'}
          </button>
        ) : (
          <PendingButton pending={start.pending} pendingText="Starting…">
            {restart ? 'Import again' : 'Start import'}
          </PendingButton>
        )}
        {blocked ? <p className="text-sm text-slate-600">Fix the problems above to start.</p> : null}
      </form>
      <FormMessage state={start.state && !start.state.ok ? start.state : null} />

      {!retail ? (
        <form
          ref={save.formRef}
          onSubmit={save.onSubmit}
          noValidate
          className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4"
        >
          {hidden}
          <input type="hidden" name="kind" value={kind} />
          <div className="w-64">
            <Field id="mapping-name" label="Save this mapping as">
              <TextInput
                id="mapping-name"
                name="name"
                maxLength={80}
                placeholder="e.g. Shop export"
                autoComplete="off"
              />
            </Field>
          </div>
          <PendingButton pending={save.pending} pendingText="Saving…" variant="secondary">
            Save mapping
          </PendingButton>
          <InlineResult
            state={save.state}
            success={save.state?.ok ? `Saved as “${save.state.data.name}”.` : undefined}
          />
        </form>
      ) : null}
    </div>
  );
}
