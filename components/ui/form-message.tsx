import type { ActionResult } from '@/lib/actions/action';

/** The top-of-form message for an action result: an error alert, or a success note. */
export function FormMessage({
  state,
  success,
}: {
  state: ActionResult<unknown> | null | undefined;
  success?: string;
}) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
        {state.message}
      </p>
    );
  }
  if (!success) return null;
  return (
    <p
      role="status"
      className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200"
    >
      {success}
    </p>
  );
}

/** Field errors of a failed result, for `<Field errors={…}>`. */
export function fieldErrors(
  state: ActionResult<unknown> | null | undefined,
  name: string,
): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}
