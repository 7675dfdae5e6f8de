/**
 * Names of the recommendation fairness job, apart from its handler: pages and actions import these
 * without importing job.ts, so Next's bundles do not redefine the handler the job runner loaded.
 */
export const FAIRNESS_REPORT_JOB_TYPE = 'fairness.recommendations';
/** One report queued or running per workspace: a second click returns the first. */
export const FAIRNESS_REPORT_DEDUPE_KEY = 'fairness.recommendations';
export const FAIRNESS_REPORT_SCHEDULE = 'fairness.recommendations.weekly';
