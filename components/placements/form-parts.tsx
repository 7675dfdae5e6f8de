'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field, TextInput } from '@/components/ui/field';

/** Field errors by the dotted name of the input (the path the server reports them under). */
export type ErrorsOf = (name: string) => string[] | undefined;

/** A labelled text/number input whose `name` is also the key its errors come back under. */
export function FormField({
  id,
  name,
  label,
  hint,
  errors,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
  errors: ErrorsOf;
}) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors(name)}>
      <TextInput id={id} name={name} errors={errors(name)} hint={Boolean(hint)} {...input} />
    </Field>
  );
}

/** A checkbox with its label and an optional hint, both read by screen readers. */
export function Checkbox({
  id,
  name,
  label,
  hint,
  defaultChecked,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
}) {
  return (
    <div className="flex gap-3">
      <input
        id={id}
        name={name}
        type="checkbox"
        defaultChecked={defaultChecked}
        onChange={(e) => onChange?.(e.currentTarget.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 accent-brand-600"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A group of related settings with a visible legend (fieldset, so assistive tech groups them). */
export function Section({
  legend,
  description,
  children,
}: {
  legend: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-4 rounded-lg p-4 ring-1 ring-slate-200">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      {description ? <p className="text-xs text-slate-600">{description}</p> : null}
      {children}
    </fieldset>
  );
}

/** A one-entry-per-line list (brands, categories). */
export function LinesField({
  id,
  name,
  label,
  hint,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  defaultValue: string;
  errors: ErrorsOf;
}) {
  const errs = errors(name);
  return (
    <Field id={id} label={label} hint={hint} errors={errs}>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={errs ? true : undefined}
        aria-describedby={`${id}-hint${errs ? ` ${id}-error` : ''}`}
        className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 aria-[invalid=true]:ring-red-500"
      />
    </Field>
  );
}
