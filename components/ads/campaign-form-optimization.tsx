'use client';

import { Field, SelectInput, TextInput } from '@/components/ui/field';
import type { CampaignOptimization } from '@/db/schema/ads';

/**
 * The on-site optimization fields of the campaign editor: policy (Thompson sampling or LinUCB),
 * what counts as success, the exploration floor in percent, α for LinUCB and auto-pause.
 */
export function OptimizationFields({
  policy,
  setPolicy,
  values,
  errors,
}: {
  policy: CampaignOptimization['policy'];
  setPolicy: (policy: CampaignOptimization['policy']) => void;
  values: CampaignOptimization;
  errors: (key: string) => string[] | undefined;
}) {
  return (
    <fieldset className="grid gap-4 md:grid-cols-4">
      <legend className="mb-2 text-sm font-medium text-slate-800">On-site optimization</legend>
      <Field
        id="cf-policy"
        label="Policy"
        hint="Thompson sampling learns per arm; LinUCB also uses segment, language and device."
      >
        <SelectInput
          id="cf-policy"
          value={policy}
          onChange={(e) => setPolicy(e.currentTarget.value === 'linucb' ? 'linucb' : 'thompson')}
        >
          <option value="thompson">Thompson sampling</option>
          <option value="linucb">LinUCB (contextual)</option>
        </SelectInput>
      </Field>
      <Field id="cf-reward" label="Success is a">
        <SelectInput id="cf-reward" name="reward" defaultValue={values.reward}>
          <option value="click">Click</option>
          <option value="conversion">Conversion</option>
        </SelectInput>
      </Field>
      <Field
        id="cf-floor"
        label="Exploration floor (%)"
        hint="Least traffic share every serving creative keeps, 0–20 %."
        errors={errors('optimization.explorationFloor')}
      >
        <TextInput
          id="cf-floor"
          name="explorationFloor"
          type="number"
          min={0}
          max={20}
          step="any"
          defaultValue={String(Math.round(values.explorationFloor * 1000) / 10)}
          errors={errors('optimization.explorationFloor')}
        />
      </Field>
      {policy === 'linucb' ? (
        <Field
          id="cf-alpha"
          label="LinUCB α"
          hint="Exploration weight; 1 is a good start."
          errors={errors('optimization.alpha')}
        >
          <TextInput
            id="cf-alpha"
            name="alpha"
            type="number"
            min={0}
            step="any"
            defaultValue={String(values.alpha)}
          />
        </Field>
      ) : (
        <input type="hidden" name="alpha" value={String(values.alpha)} />
      )}
      <label className="inline-flex items-center gap-2 text-sm text-slate-700 md:col-span-4">
        <input
          type="checkbox"
          name="autoPause"
          defaultChecked={values.autoPause}
          className="size-4 rounded border-slate-300"
        />
        Pause clear losers automatically (probability to be best below 1 % after 500 impressions)
      </label>
    </fieldset>
  );
}
