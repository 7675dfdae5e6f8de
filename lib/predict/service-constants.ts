/** Names shared by the prediction job, the code that queues it and the pages (no imports: safe anywhere). */
export const PREDICT_TRAIN_JOB_TYPE = 'predict.train';
export const PREDICT_TRAIN_SCHEDULE = 'predict.train';
/** One training queued or running per workspace: the weekly schedule, imports and the button share it. */
export const PREDICT_TRAIN_DEDUPE_KEY = `schedule:${PREDICT_TRAIN_SCHEDULE}`;
/** Default thresholds of the "At risk" (churn) and "Ready to buy" (propensity) lists, probabilities. */
export const LIST_THRESHOLDS = { churn: 0.6, propensity: 0.5 } as const;
