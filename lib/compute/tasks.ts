/**
 * The CPU-bound steps of background jobs that may run on a worker thread (lib/compute/run.ts).
 * Each entry loads its module lazily, so a worker only compiles what its task needs and a page
 * bundle that starts a job does not pull in every model. A task takes plain data (it is cloned
 * to the worker), may report progress, and returns plain data.
 */
export const TASKS = {
  /** Fit, evaluate and score one prediction kind (predict.train). */
  'predict.fit': () => import('@/lib/predict/fit-and-score').then((m) => m.fitAndScore),
  /** Held-out scores for prediction fairness (fairness.predictions). */
  'fairness.held-out': () => import('@/lib/fairness/predictions/held-out').then((m) => m.heldOutCompact),
  /** The recommendation fairness report: fit before the cutoff, re-rank, measure (fairness.recommendations). */
  'fairness.recommendations': () =>
    import('@/lib/fairness/recommendations/measure-task').then((m) => m.measureFairnessTask),
  /** Fit the workspace's recommendation model and serialize it (recommend.train). */
  'recommend.fit': () => import('@/lib/recommend/train/fit-task').then((m) => m.fitModelTask),
  /** Offline evaluation of the baselines and the hybrid at a cutoff (recommend.evaluate, tailor evaluate). */
  'recommend.evaluate': () => import('@/lib/recommend/evaluation-task').then((m) => m.evaluateTask),
  /** Automatic segments: k-means over standardized profile features, k by silhouette (segments.discover). */
  'segments.cluster': () => import('@/lib/segments/kmeans').then((m) => m.clusterTask),
  /** Today's population of each live prediction model against its card (predict.drift). */
  'predict.drift': () => import('@/lib/predict/drift/measure').then((m) => m.measureDrift),
} as const;

export type TaskName = keyof typeof TASKS;
type TaskFn<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
export type TaskInput<N extends TaskName> = Parameters<TaskFn<N>>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<TaskFn<N>>>;
/** What a task reports while it runs (`never` for tasks that report nothing). */
export type TaskProgress<N extends TaskName> =
  Parameters<TaskFn<N>> extends [unknown, (p: infer P) => void, ...unknown[]] ? P : never;

/** Runs a task on this thread (the worker calls this too). */
export async function runTaskHere<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  onProgress?: (p: TaskProgress<N>) => void,
): Promise<TaskOutput<N>> {
  const fn = (await TASKS[name]()) as (
    input: TaskInput<N>,
    progress: (p: TaskProgress<N>) => void,
  ) => TaskOutput<N> | Promise<TaskOutput<N>>;
  return fn(input, (p) => onProgress?.(p));
}
