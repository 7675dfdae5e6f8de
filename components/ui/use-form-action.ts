'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/action';

type Values = Record<string, string>;
type State<T> = (ActionResult<T> & { values: Values }) | null;

/**
 * useActionState plus the last submitted values (secrets excluded), so a form that React resets
 * after a failed submission can re-fill its fields through `defaultValue`.
 */
export function useFormAction<T>(action: (prev: unknown, formData: FormData) => Promise<ActionResult<T>>) {
  return useActionState<State<T>, FormData>(async (prev, formData) => {
    const result = await action(prev, formData);
    const values: Values = {};
    for (const [k, v] of formData.entries()) {
      if (typeof v === 'string' && !/password|secret|token|key/i.test(k) && !k.startsWith('$ACTION'))
        values[k] = v;
    }
    return { ...result, values };
  }, null);
}
