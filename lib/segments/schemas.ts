/**
 * Segment rules (issue 5): conditions over profile fields and predictions, e.g. churn risk > 0.6
 * and country in DE, AT. Stored as `segments.rules`; lib/segments compiles them to SQL over
 * `shoppers s left join shopper_profiles p` with the live scores.
 */
import { z } from 'zod';

export const SEGMENT_OPERATORS = [
  'gt',
  'gte',
  'lt',
  'lte',
  'eq',
  'neq',
  'in',
  'not_in',
  'is_set',
  'is_not_set',
] as const;
export type SegmentOperator = (typeof SEGMENT_OPERATORS)[number];

export const segmentConditionSchema = z.object({
  /** A key of the field registry (lib/segments/fields.ts), e.g. 'churn', 'country', 'recencyDays'. */
  field: z.string().min(1).max(64),
  op: z.enum(SEGMENT_OPERATORS),
  value: z.union([z.number(), z.string(), z.array(z.string()).max(200)]).optional(),
});
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;

export const segmentRulesSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(segmentConditionSchema).max(20),
  /** For kind 'cluster': the cluster index in shopper_profiles.cluster. */
  cluster: z.number().int().min(0).optional(),
});
export type SegmentRules = z.infer<typeof segmentRulesSchema>;
