/** Names of the drift job, shared by the job definition and the code that only enqueues it. */
export const PREDICT_DRIFT_JOB_TYPE = 'predict.drift';
/** At most one drift check queued or running per workspace. */
export const PREDICT_DRIFT_DEDUPE_KEY = 'predict.drift';
export const PREDICT_DRIFT_SCHEDULE = 'predict.drift.daily';
