'use client';

import { useState } from 'react';
import { Field, TextInput } from '@/components/ui/field';
import { PendingButton, errorsUnder, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { updateStorefrontSettingsAction } from '@/lib/storefront/actions';
import { type LookValues, WidgetPreview } from './widget-preview';

export interface WidgetLookInitial extends LookValues {
  productUrlTemplate: string;
  /** "Show why under each item" (theme.reasons); off when absent. */
  reasons?: boolean;
}

const FIELDS: { name: keyof LookValues; form: string; label: string; hint: string; colour?: boolean }[] = [
  {
    name: 'accent',
    form: 'theme.accent',
    label: 'Accent colour',
    hint: 'Prices and focus rings, e.g. #1f6feb.',
    colour: true,
  },
  { name: 'text', form: 'theme.text', label: 'Text colour', hint: 'Titles and product names.', colour: true },
  {
    name: 'background',
    form: 'theme.background',
    label: 'Background',
    hint: 'Blank: your page shows through.',
    colour: true,
  },
  {
    name: 'font',
    form: 'theme.font',
    label: 'Font',
    hint: 'A font-family list, e.g. “Inter, sans-serif”. Blank: the system font.',
  },
  { name: 'radius', form: 'theme.radius', label: 'Corner radius (px)', hint: '0–24 pixels.' },
  {
    name: 'defaultTitle',
    form: 'defaultTitle',
    label: 'Default title',
    hint: 'Used when a placement has no title in the page’s language.',
  },
];

/** The workspace's widget theme, with a live preview of one card. Needs data.write to save. */
export function WidgetLookForm({
  slug,
  initial,
  price,
}: {
  slug: string;
  initial: WidgetLookInitial;
  /** A sample price already formatted in the workspace's currency and locale. */
  price: string;
}) {
  const [look, setLook] = useState<LookValues>(initial);
  const { state, pending, onSubmit, formRef } = useActionForm(updateStorefrontSettingsAction);
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => errorsUnder(failed?.fieldErrors, name);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_auto]">
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
        <input type="hidden" name="tenant" value={slug} />
        <FormMessage state={state} success="Widget look saved. Storefronts use it on their next request." />
        <div className="grid gap-4 sm:grid-cols-2">
          {FIELDS.map((f) => (
            <Field key={f.name} id={`look-${f.name}`} label={f.label} hint={f.hint} errors={err(f.form)}>
              <TextInput
                id={`look-${f.name}`}
                name={f.form}
                value={look[f.name]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setLook((cur) => ({ ...cur, [f.name]: value }));
                }}
                inputMode={f.name === 'radius' ? 'numeric' : undefined}
                placeholder={f.colour ? '#rrggbb' : undefined}
                spellCheck={false}
                autoComplete="off"
                hint
                errors={err(f.form)}
              />
            </Field>
          ))}
          <Field
            id="look-url"
            label="Product link pattern"
            hint="Where a product card links to when the product has no URL of its own: {id} or {handle}."
            errors={err('productUrlTemplate')}
          >
            <TextInput
              id="look-url"
              name="productUrlTemplate"
              defaultValue={initial.productUrlTemplate}
              spellCheck={false}
              autoComplete="off"
              hint
              errors={err('productUrlTemplate')}
            />
          </Field>
        </div>
        <div>
          <label className="flex cursor-pointer items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="theme.reasons"
              defaultChecked={initial.reasons === true}
              aria-describedby="look-reasons-hint"
              className="mt-0.5 accent-brand-600"
            />
            <span>
              Show why under each item
              <span id="look-reasons-hint" className="block text-xs text-slate-600">
                A short line in the shopper’s language under each product, e.g. “Because you just viewed …”.
                Only reasons about what the page itself sent (the product on screen, the cart, this visit’s
                views) or about popularity are shown, never the shopper’s history.
              </span>
            </span>
          </label>
        </div>
        <PendingButton pending={pending} pendingText="Saving…">
          Save widget look
        </PendingButton>
      </form>
      <WidgetPreview look={look} price={price} />
    </div>
  );
}
