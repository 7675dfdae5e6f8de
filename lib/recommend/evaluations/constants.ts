/**
 * Names of the evaluation job, apart from its handler: pages and actions import these without
 * importing job.ts, so Next's bundles do not redefine the handler the job runner loaded (an error
 * class from another bundle would fail the runner's `instanceof` and lose its safe message).
 */
export const EVALUATE_JOB_TYPE = 'recommend.evaluate';
/** One evaluation queued or running per workspace: a second click returns the first. */
export const EVALUATE_DEDUPE_KEY = 'recommend.evaluate';
