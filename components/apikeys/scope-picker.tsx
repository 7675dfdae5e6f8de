import { API_SCOPES, SCOPE_LABELS } from '@/lib/apikeys/scopes';

/**
 * Checkboxes for a secret key's scopes, all ticked by default. The hidden `scopesShown` field tells
 * the action that an empty selection means "none" (refused with a message), not "every scope".
 */
export function ScopePicker({ errors }: { errors?: string[] }) {
  return (
    <fieldset aria-describedby={errors ? 'key-scopes-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Scopes</legend>
      <p className="text-xs text-slate-600">
        What requests with this key may do. Untick what it does not need.
      </p>
      <input type="hidden" name="scopesShown" value="1" />
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {API_SCOPES.map((s) => (
          <label key={s} className="flex cursor-pointer gap-2 rounded-md p-2 ring-1 ring-slate-200">
            <input
              type="checkbox"
              name="scopes"
              value={s}
              defaultChecked
              aria-describedby={`scope-${s.replace(':', '-')}-hint`}
              className="mt-0.5 accent-brand-600"
            />
            <span>
              <span className="block text-sm text-slate-900">
                {SCOPE_LABELS[s].label} <code className="font-mono text-xs text-slate-600">{s}</code>
              </span>
              <span id={`scope-${s.replace(':', '-')}-hint`} className="block text-xs text-slate-600">
                {SCOPE_LABELS[s].description}
              </span>
            </span>
          </label>
        ))}
      </div>
      {errors ? (
        <p id="key-scopes-error" role="alert" className="mt-1 text-xs text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A key's scopes as short code chips, for the keys list. */
export function ScopeList({ scopes }: { scopes: string[] }) {
  if (scopes.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Scopes">
      {scopes.map((s) => (
        <li key={s}>
          <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-800">{s}</code>
        </li>
      ))}
    </ul>
  );
}
