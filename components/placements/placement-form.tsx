'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { PendingButton, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { createPlacementAction, updatePlacementAction } from '@/lib/placements/actions';
import { SCENARIOS, SCENARIO_IDS } from '@/lib/recommend/scenarios';
import { type ErrorsOf, FormField, Section } from './form-parts';
import { LayoutField } from './layout-field';
import type { PlacementFormValues } from './present';
import { RulesFields } from './rules-fields';
import type { SegmentOption } from './audience-field';

/** Creates a placement, or edits one when `values.id` is set; back to the list when saved. */
export function PlacementForm({
  slug,
  values,
  locales,
  currency,
  segments,
}: {
  slug: string;
  values: PlacementFormValues;
  /** Workspace locales with their display names, the default first. */
  locales: { code: string; label: string }[];
  currency: string;
  /** The workspace's segments, for the audience. */
  segments: readonly SegmentOption[];
}) {
  const router = useRouter();
  const editing = values.id !== undefined;
  const { state, pending, onSubmit, formRef } = useActionForm(
    editing ? updatePlacementAction : createPlacementAction,
    () => router.push(`/${slug}/placements`),
  );
  const failed = state && !state.ok ? state : null;
  const errors: ErrorsOf = (name) => failed?.fieldErrors?.[name];

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="tenant" value={slug} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <FormMessage state={failed} />

      <Section legend="Placement">
        <div className="grid gap-4 md:grid-cols-2">
          <FormField
            id="pl-name"
            name="name"
            label="Name"
            hint="For you and your team, e.g. “Home page: for you”."
            maxLength={80}
            required
            defaultValue={values.name}
            errors={errors}
          />
          <FormField
            id="pl-key"
            name="key"
            label="Key"
            hint={
              editing
                ? 'Your storefront asks for the placement by this key: change it there too.'
                : 'Your storefront asks for the placement by this key. Lowercase letters, digits and dashes.'
            }
            maxLength={60}
            required
            autoComplete="off"
            spellCheck={false}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            defaultValue={values.key}
            errors={errors}
          />
        </div>
        <fieldset aria-describedby={errors('scenario') ? 'pl-scenario-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Scenario</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {SCENARIO_IDS.map((id) => (
              <label
                key={id}
                className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-500"
              >
                <input
                  type="radio"
                  name="scenario"
                  value={id}
                  defaultChecked={values.scenario === id}
                  aria-describedby={`scenario-${id}-hint`}
                  className="mt-0.5 accent-brand-600"
                />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{SCENARIOS[id].label}</span>
                  <span id={`scenario-${id}-hint`} className="block text-xs text-slate-600">
                    {SCENARIOS[id].description}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {errors('scenario') ? (
            <p id="pl-scenario-error" role="alert" className="mt-1 text-xs text-red-700">
              {errors('scenario')?.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <div className="max-w-40">
          <FormField
            id="pl-count"
            name="count"
            label="Products shown"
            type="number"
            min={1}
            max={50}
            required
            defaultValue={values.count}
            errors={errors}
          />
        </div>
        <LayoutField value={values.layout} errors={errors('layout')} />
      </Section>

      <Section
        legend="Titles"
        description="The heading shoppers see above the products, in each language of your workspace."
      >
        <div className="grid gap-4 md:grid-cols-2">
          {locales.map((l) => (
            <FormField
              key={l.code}
              id={`pl-title-${l.code}`}
              name={`titles.${l.code}`}
              label={`Title (${l.label})`}
              lang={l.code}
              maxLength={80}
              defaultValue={values.titles[l.code] ?? ''}
              errors={errors}
            />
          ))}
        </div>
      </Section>

      <RulesFields values={values} currency={currency} errors={errors} segments={segments} />

      <div className="flex gap-3">
        <PendingButton pending={pending} pendingText="Saving…">
          {editing ? 'Save placement' : 'Create placement'}
        </PendingButton>
        <Link href={`/${slug}/placements`} className={buttonClass('ghost')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
