'use server';

import { tenantAction } from '@/lib/actions/action';
import { removeExchangeRate, setExchangeRate } from './service';

const set = tenantAction('settings.update', (db, ctx, input) => setExchangeRate(db, ctx, input));
const remove = tenantAction('settings.update', (db, ctx, input) => removeExchangeRate(db, ctx, input));

/** Adds or replaces one exchange rate (form fields `tenant`, `currency`, `rate`). */
export async function setRateAction(prev: unknown, formData: FormData) {
  return set(prev, formData);
}

/** Removes one exchange rate (form fields `tenant`, `currency`). */
export async function removeRateAction(prev: unknown, formData: FormData) {
  return remove(prev, formData);
}
