'use client';

import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage, fieldErrors } from '@/components/ui/form-message';
import { setRateAction } from '@/lib/currency/actions';

/**
 * Sets or replaces one exchange rate. Values stay in the fields after a refusal (the form is
 * submitted through useActionForm); after success the fields clear for the next currency.
 */
export function RateForm({ slug, base, suggestions }: { slug: string; base: string; suggestions: string[] }) {
  const { state, pending, onSubmit, formRef } = useActionForm(setRateAction, (_data, form) => form.reset());
  const saved = state?.ok ? `Saved: 1 ${state.data.currency} = ${state.data.rate} ${base}.` : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="tenant" value={slug} />
      <FormMessage state={state} success={saved} />
      <div className="grid gap-4 sm:grid-cols-[10rem_14rem_auto] sm:items-start">
        <Field
          id="rate-currency"
          label="Currency"
          hint="ISO 4217 code, e.g. USD."
          errors={fieldErrors(state, 'currency')}
        >
          <TextInput
            id="rate-currency"
            name="currency"
            list="rate-currency-options"
            maxLength={3}
            autoComplete="off"
            spellCheck={false}
            required
            hint
            errors={fieldErrors(state, 'currency')}
          />
          <datalist id="rate-currency-options">
            {suggestions.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Field>
        <Field
          id="rate-value"
          label={`Rate in ${base}`}
          hint={`What 1 unit of the currency is worth in ${base}.`}
          errors={fieldErrors(state, 'rate')}
        >
          <TextInput
            id="rate-value"
            name="rate"
            inputMode="decimal"
            autoComplete="off"
            required
            hint
            errors={fieldErrors(state, 'rate')}
          />
        </Field>
        <div className="sm:pt-6">
          <PendingButton pending={pending} pendingText="Saving…">
            Save rate
          </PendingButton>
        </div>
      </div>
    </form>
  );
}
