/** Names shared by the prediction fairness job, the code that queues it and the pages (no imports). */
export const PREDICTION_FAIRNESS_JOB_TYPE = 'fairness.predictions';
/** One report queued or running per workspace: the schedule, training and the button share it. */
export const PREDICTION_FAIRNESS_DEDUPE_KEY = `schedule:${PREDICTION_FAIRNESS_JOB_TYPE}`;
