import { z } from 'zod';
import type { PredictionMitigation, RecommendationMitigation } from '@/db/schema/fairness';

export interface FairnessSettings {
  recommendations: RecommendationMitigation;
  predictions: PredictionMitigation;
  sensitiveAttributes: string[];
}

export const FAIRNESS_DEFAULTS: FairnessSettings = {
  recommendations: { newItemFloor: 0, newItemDays: 30, smallBrandFloor: 0, calibration: 0 },
  predictions: { groupBy: 'country', target: 'selection_rate', enabled: false },
  sensitiveAttributes: [],
};

/** Form numbers arrive as strings; percentages are entered as 0..50 and stored as shares. */
const share = (label: string) =>
  z.coerce
    .number({ message: `${label} must be a number.` })
    .min(0, `${label} cannot be negative.`)
    .max(50, `${label} is at most 50 %.`)
    .transform((v) => v / 100);

export const recommendationMitigationSchema = z.object({
  newItemFloor: share('The new-products floor'),
  newItemDays: z.coerce
    .number({ message: 'Days must be a number.' })
    .int('Days must be a whole number.')
    .min(1, 'A product is new for at least 1 day.')
    .max(365, 'A product is new for at most 365 days.'),
  smallBrandFloor: share('The small-brands floor'),
  calibration: z.coerce
    .number({ message: 'Calibration must be a number.' })
    .min(0, 'Calibration is between 0 and 100 %.')
    .max(100, 'Calibration is between 0 and 100 %.')
    .transform((v) => v / 100),
});

const attributeKey = z
  .string()
  .trim()
  .min(1)
  .max(64, 'An attribute name is at most 64 characters.')
  .regex(/^[A-Za-z0-9_.-]+$/, 'An attribute name uses letters, digits, _ . or - only.');

export const predictionMitigationSchema = z.object({
  groupBy: attributeKey,
  target: z.enum(['selection_rate', 'true_positive_rate'], {
    message: 'The target is equal selection rates or equal true-positive rates.',
  }),
  enabled: z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()),
});

/** Comma- or newline-separated attribute keys, at most 10. */
export const sensitiveAttributesSchema = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[,\n]/)
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : v,
  z.array(attributeKey).max(10, 'At most 10 sensitive attributes.'),
);
