/**
 * Inputs of the prediction services (zod): the training job's payload and the dashboard's
 * "Train predictions" form. Form values arrive as strings, so a single kind is accepted as one.
 */
import { z } from 'zod';
import { PREDICTION_KINDS } from '@/db/schema/shoppers';

const kind = z.enum(PREDICTION_KINDS, { message: `Choose one of ${PREDICTION_KINDS.join(', ')}.` });

/** `predict.train` payload: which kinds to train (absent or empty: all four). */
export const trainPayloadSchema = z.object({
  kinds: z.array(kind).max(PREDICTION_KINDS.length).optional(),
});
export type TrainPayload = z.infer<typeof trainPayloadSchema>;

/** Form or API input of "train now": `kinds` as one value, a list, or absent (all kinds). */
export const startTrainingInput = z.object({
  kinds: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? undefined : Array.isArray(v) ? v : [v]),
    z.array(kind).max(PREDICTION_KINDS.length).optional(),
  ),
});
