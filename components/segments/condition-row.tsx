'use client';

import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { SegmentFieldInfo } from '@/lib/segments/fields';
import type { SegmentOperator } from '@/lib/segments/schemas';
import { type ConditionRow, OPERATOR_WORDS, needsValue, takesMany } from './present';

const GROUPS = ['Predictions', 'Facts', 'Behaviour', 'Preferences'] as const;

function valueHint(field: SegmentFieldInfo | undefined, op: SegmentOperator, currency: string): string {
  if (!field) return '';
  if (takesMany(op) && field.type !== 'enum') return 'Separate values with commas, e.g. DE, AT.';
  if (field.unit === 'probability') return 'A probability from 0 to 1, e.g. 0.6.';
  if (field.unit === 'money') return `An amount in ${currency}.`;
  if (field.type === 'days-ago' || field.unit === 'days') return 'A number of days.';
  return '';
}

/** One condition of the builder: field, operator and value, each with a label, plus Remove. */
export function ConditionRowFields({
  index,
  row,
  fields,
  currency,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  row: ConditionRow;
  fields: readonly SegmentFieldInfo[];
  currency: string;
  errors: string[];
  onChange: (row: ConditionRow) => void;
  onRemove: () => void;
}) {
  const field = fields.find((f) => f.key === row.field);
  const id = `cond-${index}`;
  const n = index + 1;
  const hint = valueHint(field, row.op, currency);
  const invalid = errors.length > 0;
  return (
    <fieldset className="grid gap-3 rounded-lg p-3 ring-1 ring-slate-200 md:grid-cols-[14rem_10rem_1fr_auto] md:items-start">
      <legend className="sr-only">Condition {n}</legend>
      <div className="space-y-1">
        <label htmlFor={`${id}-field`} className="block text-xs font-medium text-slate-700">
          Field <span className="sr-only">of condition {n}</span>
        </label>
        <select
          id={`${id}-field`}
          className={inputClass}
          value={row.field}
          onChange={(e) => {
            const next = fields.find((f) => f.key === e.target.value);
            onChange({ field: e.target.value, op: next?.ops[0] ?? 'eq', value: '', values: [] });
          }}
        >
          {GROUPS.map((g) => (
            <optgroup key={g} label={g}>
              {fields
                .filter((f) => f.group === g)
                .map((f) => (
                  <option key={f.key} value={f.key}>
                    {f.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-op`} className="block text-xs font-medium text-slate-700">
          Operator <span className="sr-only">of condition {n}</span>
        </label>
        <select
          id={`${id}-op`}
          className={inputClass}
          value={row.op}
          onChange={(e) => onChange({ ...row, op: e.target.value as SegmentOperator })}
        >
          {(field?.ops ?? []).map((op) => (
            <option key={op} value={op}>
              {OPERATOR_WORDS[op]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        {needsValue(row.op) ? (
          <>
            <label htmlFor={`${id}-value`} className="block text-xs font-medium text-slate-700">
              Value <span className="sr-only">of condition {n}</span>
            </label>
            {field?.type === 'enum' ? (
              <select
                id={`${id}-value`}
                className={inputClass}
                multiple={takesMany(row.op)}
                value={takesMany(row.op) ? row.values : row.value}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${id}-error` : undefined}
                onChange={(e) =>
                  onChange({
                    ...row,
                    value: e.target.value,
                    values: [...e.target.selectedOptions].map((o) => o.value),
                  })
                }
              >
                {takesMany(row.op) ? null : <option value="">Choose…</option>}
                {(field.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}-value`}
                className={inputClass}
                value={row.value}
                inputMode={field?.type === 'number' || field?.type === 'days-ago' ? 'decimal' : undefined}
                autoComplete="off"
                aria-invalid={invalid || undefined}
                aria-describedby={
                  [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') ||
                  undefined
                }
                onChange={(e) => onChange({ ...row, value: e.target.value })}
              />
            )}
            {hint ? (
              <p id={`${id}-hint`} className="text-xs text-slate-500">
                {hint}
              </p>
            ) : null}
          </>
        ) : (
          <p className="pt-6 text-xs text-slate-500">No value needed.</p>
        )}
        {invalid ? (
          <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
            {errors.join(' ')}
          </p>
        ) : null}
      </div>
      <Button variant="ghost" className="md:mt-5" onClick={onRemove} aria-label={`Remove condition ${n}`}>
        Remove
      </Button>
    </fieldset>
  );
}
