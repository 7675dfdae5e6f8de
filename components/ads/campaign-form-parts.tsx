'use client';

import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import type { AdChannel } from '@/db/schema/ads';
import { CHANNEL_LABELS } from './present';

/** A fieldset of checkboxes (segments, locales, channels) with its legend, hint and errors. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  options,
  selected,
  onChange,
  errors,
  columns = 'sm:grid-cols-3',
}: {
  id: string;
  legend: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  errors?: string[];
  columns?: string;
}) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  const describedBy = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className={`grid grid-cols-1 gap-1.5 ${columns}`}>
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.currentTarget.checked)}
              className="size-4 rounded border-slate-300"
            />
            {o.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The budget split by channel in whole percent, with its running total and "Split evenly". */
export function BudgetSplitFields({
  channels,
  split,
  onChange,
  onEven,
  errors,
}: {
  channels: readonly AdChannel[];
  split: Partial<Record<AdChannel, string>>;
  onChange: (channel: AdChannel, value: string) => void;
  onEven: () => void;
  errors?: string[];
}) {
  const splitSum = channels.reduce((s, c) => s + (Number(split[c]) || 0), 0);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm text-slate-700">Split by channel (percent)</legend>
      <div className="flex flex-wrap items-end gap-4">
        {channels.map((c) => (
          <Field key={c} id={`cf-split-${c}`} label={`${CHANNEL_LABELS[c]} share`}>
            <TextInput
              id={`cf-split-${c}`}
              type="number"
              min={0}
              max={100}
              value={split[c] ?? ''}
              onChange={(e) => onChange(c, e.currentTarget.value)}
            />
          </Field>
        ))}
        <Button variant="ghost" onClick={onEven}>
          Split evenly
        </Button>
      </div>
      <p
        className={`text-xs ${Math.abs(splitSum - 100) < 0.01 ? 'text-slate-600' : 'text-amber-800'}`}
        aria-live="polite"
      >
        Total {splitSum} % {Math.abs(splitSum - 100) < 0.01 ? '' : '— the shares must add up to 100 %.'}
      </p>
      {errors?.length ? (
        <p role="alert" className="text-xs text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
