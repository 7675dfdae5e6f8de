/**
 * Names of the evaluation job, apart from its handler: pages and actions import these without
 * importing job.ts, so Next's bundles do not redefine the handler the job runner loaded (an error
 * class from another bundle would fail the runner's `instanceof` and lose its safe message).
 */
export const EVALUATE_JOB_TYPE = 'recommend.evaluate';
/** The weekly schedule's name (job.ts). */
export const EVALUATE_SCHEDULE_NAME = 'recommend.evaluate';
/**
 * One evaluation queued or running per workspace, the weekly one included: a click returns the
 * run already on its way (the schedule's key, `schedule:<name>`).
 */
export const EVALUATE_DEDUPE_KEY = `schedule:${EVALUATE_SCHEDULE_NAME}`;
