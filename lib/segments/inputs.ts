/** zod schemas of segment forms and API bodies (the rules themselves: ./schemas.ts). */
import { z } from 'zod';
import { segmentRulesSchema } from './schemas';

const MAX_NAME = 80;
const MAX_DESCRIPTION = 500;

/** Form posts send the rules as a JSON string; API bodies as an object. */
const rulesField = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v; // zod then reports "expected object"
  }
}, segmentRulesSchema);

const description = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION, `A description is at most ${MAX_DESCRIPTION} characters.`)
  .optional()
  .transform((v) => (v ? v : null));

export const segmentNameSchema = z
  .string({ message: 'Give the segment a name.' })
  .trim()
  .min(1, 'Give the segment a name.')
  .max(MAX_NAME, `A name is at most ${MAX_NAME} characters.`);

export const segmentInputSchema = z.object({
  name: segmentNameSchema,
  description,
  rules: rulesField,
});
export type SegmentInput = z.output<typeof segmentInputSchema>;

/** Discovered and RFM segments: only the name and description change. */
export const segmentLabelSchema = z.object({ name: segmentNameSchema, description });

export const segmentRulesInputSchema = z.object({ rules: rulesField });

/** True for a string shaped like a row id. */
export function isUuid(v: string): boolean {
  return z.string().uuid().safeParse(v).success;
}
