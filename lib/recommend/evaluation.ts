/**
 * Offline evaluation of a workspace (issue 10), shared by `tailor evaluate` and the dashboard: load
 * whatever the workspace imported, split at the cutoff, score the baselines and the hybrid, and
 * measure the hybrid's margin over the best baseline.
 */
import type { Executor } from '@/db/client';
import { runTask } from '@/lib/compute/run';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { loadDataset } from './data/load';
import { loadItemVectors } from './data/vectors';
import type { Margin } from './eval/compare';
import { EmptySplitError, type Evaluation } from './eval/evaluate';
import type { BootstrapOptions } from './eval/metrics';
import type { Protocol } from './eval/split';

export interface WorkspaceEvaluationOptions {
  cutoff: Date;
  protocol: Protocol;
  bootstrap?: BootstrapOptions;
  /** Progress: 'loading' while reading, then each model's name before it is fitted. */
  onStep?: (step: string) => void;
}

export interface WorkspaceEvaluation {
  evaluation: Evaluation;
  /** The hybrid against the best baseline by NDCG@10 (paired bootstrap). */
  margin: Margin | null;
  data: { interactions: number; first: string | null; last: string | null };
}

/**
 * Evaluates the workspace's data at `cutoff`. Throws AppError 'bad_request' when the cutoff leaves
 * no training data or no test shopper (the message gives the data's time span).
 */
export async function evaluateWorkspace(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  opts: WorkspaceEvaluationOptions,
): Promise<WorkspaceEvaluation> {
  opts.onStep?.('loading');
  const dataset = await loadDataset(exec, ctx);
  const n = dataset.time.length;
  const span = {
    interactions: n,
    first: n ? new Date(dataset.time[0]!).toISOString() : null,
    last: n ? new Date(dataset.time[n - 1]!).toISOString() : null,
  };
  if (n === 0) throw new AppError('bad_request', 'The workspace has no orders or events to evaluate on.');
  const vectors = await loadItemVectors(exec, ctx, dataset.itemIds);
  try {
    const { evaluation, margin } = await runTask(
      'recommend.evaluate',
      { dataset, cutoff: opts.cutoff.getTime(), protocol: opts.protocol, vectors, bootstrap: opts.bootstrap },
      (name) => opts.onStep?.(name),
    );
    return { evaluation, margin, data: span };
  } catch (e) {
    if (!(e instanceof EmptySplitError)) throw e;
    const range = `the data spans ${span.first!.slice(0, 10)} to ${span.last!.slice(0, 10)}`;
    throw new AppError(
      'bad_request',
      `Cutoff ${opts.cutoff.toISOString().slice(0, 10)} leaves ${e.message} (${range}; ` +
        'pick a cutoff inside it, with purchases after it).',
    );
  }
}
