'use client';

import { useState } from 'react';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { PendingButton, errorsUnder, useActionForm } from '@/components/ui/form-kit';
import { FormMessage } from '@/components/ui/form-message';
import { createExperimentAction } from '@/lib/ads/experiments/actions';
import { planExperiment } from '@/lib/ads/experiments/plan';
import { formatNumber } from '@/lib/format';
import { CheckboxGroup } from './campaign-form-parts';

/** The plan for the inputs as typed, or the reason it cannot be computed. */
function livePlan(baseline: string, lift: string, alpha: string, power: string, arms: number) {
  try {
    return {
      ok: true as const,
      plan: planExperiment({
        baselineRate: Number(baseline) / 100,
        minDetectableLift: Number(lift) / 100,
        alpha: Number(alpha),
        power: Number(power),
        arms: Math.max(2, arms),
      }),
    };
  } catch (error) {
    return { ok: false as const, message: error instanceof Error ? error.message : 'Check the inputs.' };
  }
}

/**
 * Creates an A/B experiment between approved creatives of the campaign: a control and one or
 * more variants, with the sample-size plan recomputed as the merchant types.
 */
export function ExperimentForm({
  slug,
  campaignId,
  creatives,
}: {
  slug: string;
  campaignId: string;
  /** Approved creatives that can take part, with a short label each. */
  creatives: readonly { id: string; label: string }[];
}) {
  const [control, setControl] = useState(creatives[0]?.id ?? '');
  const [variants, setVariants] = useState<string[]>(creatives[1] ? [creatives[1].id] : []);
  const [baseline, setBaseline] = useState('3');
  const [lift, setLift] = useState('20');
  const [alpha, setAlpha] = useState('0.05');
  const [power, setPower] = useState('0.8');
  const arms = 1 + variants.filter((v) => v !== control).length;
  const live = livePlan(baseline, lift, alpha, power, arms);
  const { state, pending, onSubmit, formRef } = useActionForm(createExperimentAction);
  const errors = (k: string) => errorsUnder(state && !state.ok ? state.fieldErrors : undefined, k);
  const ids = [control, ...variants.filter((v) => v !== control)];

  if (creatives.length < 2) {
    return (
      <p className="text-sm text-slate-600">
        Approve at least two banner creatives to compare them in an experiment.
      </p>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="tenant" value={slug} />
      <input type="hidden" name="campaignId" value={campaignId} />
      {ids.map((id) => (
        <input key={id} type="hidden" name="creativeIds" value={id} />
      ))}
      <FormMessage state={state} success="Experiment created. Start it when you are ready." />
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="ex-name" label="Experiment name" errors={errors('name')}>
          <TextInput id="ex-name" name="name" maxLength={120} required errors={errors('name')} />
        </Field>
        <Field id="ex-metric" label="Metric">
          <SelectInput id="ex-metric" name="metric" defaultValue="click">
            <option value="click">Click-through rate</option>
            <option value="conversion">Conversion rate</option>
          </SelectInput>
        </Field>
        <Field id="ex-control" label="Control" errors={errors('creativeIds')}>
          <SelectInput id="ex-control" value={control} onChange={(e) => setControl(e.currentTarget.value)}>
            {creatives.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectInput>
        </Field>
      </div>
      <CheckboxGroup
        id="ex-variants"
        legend="Variants"
        options={creatives.filter((c) => c.id !== control).map((c) => ({ value: c.id, label: c.label }))}
        selected={variants}
        onChange={setVariants}
        columns="sm:grid-cols-2"
      />
      <fieldset className="grid gap-4 md:grid-cols-4">
        <legend className="mb-2 text-sm font-medium text-slate-800">Sample-size plan</legend>
        <Field id="ex-baseline" label="Baseline rate (%)" errors={errors('baselineRate')}>
          <TextInput
            id="ex-baseline"
            type="number"
            min={0}
            max={100}
            step="any"
            value={baseline}
            onChange={(e) => setBaseline(e.currentTarget.value)}
          />
        </Field>
        <Field id="ex-lift" label="Smallest lift to detect (%)" errors={errors('minDetectableLift')}>
          <TextInput
            id="ex-lift"
            type="number"
            min={0}
            step="any"
            value={lift}
            onChange={(e) => setLift(e.currentTarget.value)}
          />
        </Field>
        <Field id="ex-alpha" label="Significance α" errors={errors('alpha')}>
          <TextInput
            id="ex-alpha"
            name="alpha"
            type="number"
            min={0}
            max={0.5}
            step="any"
            value={alpha}
            onChange={(e) => setAlpha(e.currentTarget.value)}
          />
        </Field>
        <Field id="ex-power" label="Power" errors={errors('power')}>
          <TextInput
            id="ex-power"
            name="power"
            type="number"
            min={0.5}
            max={0.99}
            step="any"
            value={power}
            onChange={(e) => setPower(e.currentTarget.value)}
          />
        </Field>
        <input type="hidden" name="baselineRate" value={String(Number(baseline) / 100)} />
        <input type="hidden" name="minDetectableLift" value={String(Number(lift) / 100)} />
      </fieldset>
      <output
        aria-live="polite"
        data-testid="experiment-plan"
        className="block rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200"
      >
        {live.ok ? (
          <>
            <strong className="font-semibold text-slate-900">{formatNumber(live.plan.perArm)}</strong>{' '}
            impressions per arm, {formatNumber(live.plan.total)} in all over {live.plan.arms} arms
            {live.plan.comparisons > 1 ? ` (α split over ${live.plan.comparisons} comparisons)` : ''}.
          </>
        ) : (
          <span className="text-amber-800">{live.message}</span>
        )}
      </output>
      <PendingButton pending={pending} pendingText="Creating…">
        Create experiment
      </PendingButton>
    </form>
  );
}
