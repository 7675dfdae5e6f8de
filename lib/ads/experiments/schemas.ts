/**
 * Input of a new A/B experiment, as a form or JSON sends it (numbers may arrive as strings,
 * a single creative id as a string). Rates are fractions: 0.03 = 3 %, 0.2 = +20 %.
 */
import { z } from 'zod';

const toList = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const rate = (message: string) => z.coerce.number({ message }).refine((v) => Number.isFinite(v), { message });

export const experimentInputSchema = z.object({
  campaignId: z.string().uuid({ message: 'Choose a campaign.' }),
  name: z
    .string()
    .trim()
    .min(1, 'Give the experiment a name.')
    .max(120, 'Keep the name under 120 characters.'),
  /** The first id is the control. */
  creativeIds: z.preprocess(
    toList,
    z
      .array(z.string().uuid({ message: 'Unknown creative.' }))
      .min(2, 'Choose a control and at least one variant.')
      .max(10, 'Compare at most 10 creatives at once.')
      .refine((ids) => new Set(ids).size === ids.length, {
        message: 'A creative can be in an experiment only once.',
      }),
  ),
  metric: z.enum(['click', 'conversion'], { message: 'The metric is click or conversion.' }).default('click'),
  baselineRate: rate('The baseline rate must be a number.').pipe(
    z.number().gt(0, 'The baseline rate must be above 0 %.').lt(1, 'The baseline rate must be below 100 %.'),
  ),
  minDetectableLift: rate('The lift must be a number.').pipe(
    z
      .number()
      .gt(0, 'The lift to detect must be above 0 %.')
      .max(10, 'The lift to detect must be at most +1,000 %.'),
  ),
  alpha: rate('Alpha must be a number.')
    .pipe(z.number().gt(0, 'Alpha must be above 0.').lt(0.5, 'Alpha must be below 0.5.'))
    .default(0.05),
  power: rate('Power must be a number.')
    .pipe(z.number().min(0.5, 'Power must be at least 0.5.').lt(1, 'Power must be below 1.'))
    .default(0.8),
});
export type ExperimentInput = z.infer<typeof experimentInputSchema>;
