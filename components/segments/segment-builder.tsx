'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { formatNumber } from '@/lib/format';
import { createSegmentAction, updateSegmentAction } from '@/lib/segments/actions';
import type { SegmentFieldInfo } from '@/lib/segments/fields';
import type { SegmentRules } from '@/lib/segments/schemas';
import { ConditionRowFields } from './condition-row';
import { type ConditionRow, conditionToRow, rowToCondition } from './present';
import { useLiveSize } from './use-live-size';

export interface BuilderValues {
  id?: string;
  name: string;
  description: string;
  rules: SegmentRules;
}

/**
 * The rule builder: rows of field / operator / value joined by "all" or "any", with the live
 * member count. Creates a segment, or saves one when `values.id` is set; opens it when saved.
 */
export function SegmentBuilder({
  slug,
  values,
  fields,
  currency,
}: {
  slug: string;
  values: BuilderValues;
  fields: readonly SegmentFieldInfo[];
  currency: string;
}) {
  const router = useRouter();
  const fieldMap = useMemo(() => new Map(fields.map((f) => [f.key, f])), [fields]);
  const nextId = useRef(values.rules.conditions.length);
  const [match, setMatch] = useState<'all' | 'any'>(values.rules.match);
  const [rows, setRows] = useState(() =>
    values.rules.conditions.map((c, id) => ({ id, row: conditionToRow(c, fieldMap, currency) })),
  );
  const rules: SegmentRules = {
    match,
    conditions: rows.map(({ row }) => rowToCondition(row, fieldMap, currency)),
    ...(values.rules.cluster !== undefined ? { cluster: values.rules.cluster } : {}),
  };
  const rulesJson = JSON.stringify(rules);
  const live = useLiveSize(slug, rulesJson);
  const { state, pending, onSubmit, formRef } = useActionForm(
    values.id ? updateSegmentAction : createSegmentAction,
    (data) => router.push(`/${slug}/segments/${data.id}`),
  );
  const failed = state && !state.ok ? state : null;
  const errorsOf = (key: string) => failed?.fieldErrors?.[key];
  const rowErrors = (i: number) =>
    Object.entries(failed?.fieldErrors ?? {})
      .filter(([k]) => k.startsWith(`rules.conditions.${i}.`))
      .flatMap(([, m]) => m);

  const first = fields[0];
  const addRow = () => {
    if (!first) return;
    const id = nextId.current++;
    setRows((r) => [
      ...r,
      { id, row: { field: first.key, op: first.ops[0] ?? 'gt', value: '', values: [] } },
    ]);
  };
  const setRow = (id: number, row: ConditionRow) =>
    setRows((r) => r.map((x) => (x.id === id ? { id, row } : x)));

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="tenant" value={slug} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <input type="hidden" name="rules" value={rulesJson} />
      <FormMessage state={failed} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="seg-name" label="Name" errors={errorsOf('name')}>
          <TextInput
            id="seg-name"
            name="name"
            maxLength={80}
            required
            defaultValue={values.name}
            errors={errorsOf('name')}
          />
        </Field>
        <Field id="seg-description" label="Description (optional)" errors={errorsOf('description')}>
          <TextInput
            id="seg-description"
            name="description"
            maxLength={500}
            defaultValue={values.description}
            errors={errorsOf('description')}
          />
        </Field>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Conditions</legend>
        <div className="flex flex-wrap items-center gap-4 text-sm text-slate-700">
          <span id="seg-match-label">Shoppers must match</span>
          {(['all', 'any'] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name="match"
                value={m}
                checked={match === m}
                onChange={() => setMatch(m)}
                aria-describedby="seg-match-label"
              />
              {m === 'all' ? 'all conditions' : 'any condition'}
            </label>
          ))}
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">No conditions yet: the segment holds every shopper.</p>
        ) : null}
        {rows.map(({ id, row }, i) => (
          <ConditionRowFields
            key={id}
            index={i}
            row={row}
            fields={fields}
            currency={currency}
            errors={rowErrors(i)}
            onChange={(r) => setRow(id, r)}
            onRemove={() => setRows((all) => all.filter((x) => x.id !== id))}
          />
        ))}
        <Button variant="secondary" onClick={addRow} disabled={rows.length >= 20}>
          Add a condition
        </Button>
        {errorsOf('rules.conditions')?.length ? (
          <p role="alert" className="text-xs text-red-700">
            {errorsOf('rules.conditions')?.join(' ')}
          </p>
        ) : null}
      </fieldset>

      <LiveSizeNote live={live} />

      <div className="flex gap-3">
        <PendingButton pending={pending} pendingText="Saving…">
          {values.id ? 'Save segment' : 'Create segment'}
        </PendingButton>
        <a
          href={values.id ? `/${slug}/segments/${values.id}` : `/${slug}/segments`}
          className={buttonClass('ghost')}
        >
          Cancel
        </a>
      </div>
    </form>
  );
}

function LiveSizeNote({ live }: { live: ReturnType<typeof useLiveSize> }) {
  return (
    <output
      aria-live="polite"
      data-testid="live-size"
      className="block rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200"
    >
      {live.status === 'ok' ? (
        <>
          <strong className="font-semibold text-slate-900">{formatNumber(live.size)}</strong>{' '}
          {live.size === 1 ? 'shopper matches' : 'shoppers match'} right now.
        </>
      ) : live.status === 'error' ? (
        <span className="text-amber-800">{live.message}</span>
      ) : (
        'Counting shoppers…'
      )}
    </output>
  );
}
