import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

export const inputClass =
  'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 aria-[invalid=true]:ring-red-500';

/** Label + control + hint + field errors, wired with ids for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-xs text-red-700" role="alert">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({
  id,
  errors,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; errors?: string[]; hint?: boolean }) {
  const describedBy =
    [errors?.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <input
      id={id}
      name={props.name ?? id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy}
      className={inputClass}
      {...props}
    />
  );
}

export function SelectInput({
  id,
  errors,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; errors?: string[] }) {
  return (
    <select
      id={id}
      name={props.name ?? id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={errors?.length ? `${id}-error` : undefined}
      className={inputClass}
      {...props}
    >
      {children}
    </select>
  );
}
