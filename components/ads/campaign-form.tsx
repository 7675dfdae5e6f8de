'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { PendingButton, errorsUnder } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { AD_CHANNELS, type AdChannel, CAMPAIGN_OBJECTIVES } from '@/db/schema/ads';
import { createCampaignAction, updateCampaignAction } from '@/lib/ads/actions';
import { AD_LOCALES } from '@/lib/ads/types';
import type { Campaign } from '@/lib/ads/views';
import { OptimizationFields } from './campaign-form-optimization';
import { BudgetSplitFields, CheckboxGroup } from './campaign-form-parts';
import { CHANNEL_LABELS, OBJECTIVE_LABELS, evenSplit, localeLabel, toFormData } from './present';

export type CampaignFormValues = Pick<
  Campaign,
  | 'name'
  | 'objective'
  | 'segmentIds'
  | 'locales'
  | 'channels'
  | 'budgetMinor'
  | 'budgetSplit'
  | 'startsOn'
  | 'endsOn'
  | 'placementKey'
  | 'optimization'
> & { id?: string };

/** Minor units per major unit of a currency (100 for EUR, 1 for JPY). */
function minorFactor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

/**
 * The campaign editor: name and objective, target segments, locales, channels with the budget
 * split, dates, the on-site placement key (banners only) and the optimization policy. Creates a
 * campaign or saves one (`values.id`), then opens it. Everything is validated again by the service.
 */
export function CampaignForm({
  slug,
  values,
  segments,
  currency,
}: {
  slug: string;
  values: CampaignFormValues;
  segments: readonly { id: string; name: string }[];
  currency: string;
}) {
  const router = useRouter();
  const factor = minorFactor(currency);
  const [objective, setObjective] = useState<string>(values.objective);
  const [segmentIds, setSegmentIds] = useState<string[]>(values.segmentIds);
  const [locales, setLocales] = useState<string[]>(values.locales);
  const [channels, setChannels] = useState<AdChannel[]>(values.channels);
  const [split, setSplit] = useState<Partial<Record<AdChannel, string>>>(() =>
    Object.fromEntries(
      values.channels.map((c) => [c, String(Math.round((values.budgetSplit[c] ?? 0) * 100))]),
    ),
  );
  const [policy, setPolicy] = useState(values.optimization.policy);
  const action = values.id ? updateCampaignAction : createCampaignAction;
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!state) return;
    if (state.ok) router.push(`/${slug}/ads/${state.data.id}`);
    else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [state, router, slug]);

  const setChannelList = (next: string[]) => {
    const list = AD_CHANNELS.filter((c) => next.includes(c));
    setChannels(list);
    // A new channel set starts from an even split; the merchant adjusts it.
    const even = evenSplit(list.length);
    setSplit(Object.fromEntries(list.map((c, i) => [c, String(even[i] ?? 0)])));
  };
  const errors = (key: string) => errorsUnder(state && !state.ok ? state.fieldErrors : undefined, key);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const budget = String(form.get('budget') ?? '').trim();
    const payload = {
      tenant: slug,
      ...(values.id ? { id: values.id } : {}),
      name: String(form.get('name') ?? ''),
      objective,
      segmentIds,
      productMode: 'recommended',
      locales,
      channels,
      budgetMinor: budget === '' ? null : Math.round(Number(budget) * factor),
      currency,
      budgetSplit: Object.fromEntries(channels.map((c) => [c, (Number(split[c]) || 0) / 100])),
      startsOn: String(form.get('startsOn') ?? '') || null,
      endsOn: String(form.get('endsOn') ?? '') || null,
      placementKey: channels.includes('banner')
        ? String(form.get('placementKey') ?? '').trim() || null
        : null,
      optimization: {
        policy,
        reward: String(form.get('reward') ?? 'click'),
        explorationFloor: (Number(form.get('explorationFloor')) || 0) / 100,
        autoPause: form.get('autoPause') === 'on',
        alpha: Number(form.get('alpha') ?? 1),
      },
    };
    startTransition(() => dispatch(toFormData(payload)));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-8">
      <FormMessage state={state && !state.ok ? state : null} />
      <section aria-labelledby="cf-basics" className="grid gap-4 md:grid-cols-2">
        <h2 id="cf-basics" className="sr-only">
          Basics
        </h2>
        <Field id="cf-name" label="Name" errors={errors('name')}>
          <TextInput
            id="cf-name"
            name="name"
            maxLength={120}
            required
            defaultValue={values.name}
            errors={errors('name')}
          />
        </Field>
        <Field
          id="cf-objective"
          label="Objective"
          hint="Sets the tone of the copy: sales, “we miss you” for lapsed shoppers, or “new” for a launch."
          errors={errors('objective')}
        >
          <SelectInput
            id="cf-objective"
            value={objective}
            onChange={(e) => setObjective(e.currentTarget.value)}
          >
            {CAMPAIGN_OBJECTIVES.map((o) => (
              <option key={o} value={o}>
                {OBJECTIVE_LABELS[o]}
              </option>
            ))}
          </SelectInput>
        </Field>
      </section>

      <CheckboxGroup
        id="cf-segments"
        legend="Target segments"
        hint={
          segments.length === 0
            ? 'No segments yet: the campaign writes for all shoppers. Create segments to personalize the copy.'
            : 'Copy is written per segment, from what its members buy. None selected = all shoppers.'
        }
        options={segments.map((s) => ({ value: s.id, label: s.name }))}
        selected={segmentIds}
        onChange={setSegmentIds}
        errors={errors('segmentIds')}
      />
      <CheckboxGroup
        id="cf-locales"
        legend="Languages"
        hint="One set of creatives per language."
        options={AD_LOCALES.map((l) => ({ value: l, label: localeLabel(l) }))}
        selected={locales}
        onChange={(next) => setLocales(AD_LOCALES.filter((l) => next.includes(l)))}
        errors={errors('locales')}
        columns="sm:grid-cols-5"
      />
      <CheckboxGroup
        id="cf-channels"
        legend="Channels"
        options={AD_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        selected={channels}
        onChange={setChannelList}
        errors={errors('channels')}
        columns="sm:grid-cols-4"
      />

      <section aria-labelledby="cf-budget" className="space-y-3">
        <h2 id="cf-budget" className="text-sm font-medium text-slate-800">
          Budget
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          <Field
            id="cf-budget-total"
            label={`Total budget (${currency}, optional)`}
            errors={errors('budgetMinor')}
          >
            <TextInput
              id="cf-budget-total"
              name="budget"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              defaultValue={values.budgetMinor === null ? '' : String(values.budgetMinor / factor)}
              errors={errors('budgetMinor')}
            />
          </Field>
          <Field id="cf-starts" label="Starts on (optional)" errors={errors('startsOn')}>
            <TextInput
              id="cf-starts"
              name="startsOn"
              type="date"
              defaultValue={values.startsOn ?? ''}
              errors={errors('startsOn')}
            />
          </Field>
          <Field id="cf-ends" label="Ends on (optional)" errors={errors('endsOn')}>
            <TextInput
              id="cf-ends"
              name="endsOn"
              type="date"
              defaultValue={values.endsOn ?? ''}
              errors={errors('endsOn')}
            />
          </Field>
        </div>
        {channels.length > 0 ? (
          <BudgetSplitFields
            channels={channels}
            split={split}
            onChange={(c, v) => setSplit((s) => ({ ...s, [c]: v }))}
            onEven={() => setChannelList(channels)}
            errors={errors('budgetSplit')}
          />
        ) : null}
      </section>

      {channels.includes('banner') ? (
        <Field
          id="cf-placement"
          label="Placement key"
          hint='Where banners show on your store: the page holds <div data-tailor-ad="your-key">. Letters, digits and dashes.'
          errors={errors('placementKey')}
        >
          <TextInput
            id="cf-placement"
            name="placementKey"
            maxLength={64}
            defaultValue={values.placementKey ?? ''}
            errors={errors('placementKey')}
            hint
          />
        </Field>
      ) : null}

      <OptimizationFields
        policy={policy}
        setPolicy={setPolicy}
        values={values.optimization}
        errors={errors}
      />

      <div className="flex gap-3">
        <PendingButton pending={pending} pendingText="Saving…">
          {values.id ? 'Save campaign' : 'Create campaign'}
        </PendingButton>
        <a href={values.id ? `/${slug}/ads/${values.id}` : `/${slug}/ads`} className={buttonClass('ghost')}>
          Cancel
        </a>
      </div>
    </form>
  );
}
