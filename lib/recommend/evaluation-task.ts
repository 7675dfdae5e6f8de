/**
 * The CPU-bound half of evaluateWorkspace as a compute task (`recommend.evaluate`): fit the
 * baselines and the hybrid before the cutoff, score the test period, and measure the hybrid's
 * margin. Six model fits on the demo are many seconds of synchronous work; on a worker the server
 * keeps answering meanwhile.
 */
import { type Margin, marginOverBest } from './eval/compare';
import { type Evaluation, evaluate } from './eval/evaluate';
import type { BootstrapOptions } from './eval/metrics';
import type { Protocol } from './eval/split';
import { createBaselines } from './baselines';
import { createHybrid } from './hybrid-default';
import type { Dataset, Recommender } from './types';

export interface ModelSetOptions {
  protocol: Protocol;
  /** Product vectors by item index (content component of the hybrid), when the catalog is embedded. */
  vectors?: ReadonlyArray<Float32Array | null> | null;
}

/** The baselines of the issue, then `hybrid`: what every evaluation reports. */
export function evaluationModels(opts: ModelSetOptions): Recommender[] {
  return [
    ...createBaselines({ protocol: opts.protocol }),
    createHybrid({ protocol: opts.protocol, ...(opts.vectors ? { vectors: opts.vectors } : {}) }),
  ];
}

export interface EvaluateTaskInput {
  dataset: Dataset;
  /** Epoch ms: train strictly before, test from it. */
  cutoff: number;
  protocol: Protocol;
  vectors: ReadonlyArray<Float32Array | null> | null;
  bootstrap?: BootstrapOptions;
}

export interface EvaluateTaskOutput {
  evaluation: Evaluation;
  margin: Margin | null;
}

/** Reports each model's name before it is fitted. Throws EmptySplitError as evaluate does. */
export async function evaluateTask(
  input: EvaluateTaskInput,
  onModel: (name: string) => void,
): Promise<EvaluateTaskOutput> {
  const evaluation = await evaluate(input.dataset, {
    cutoff: input.cutoff,
    protocol: input.protocol,
    models: evaluationModels({ protocol: input.protocol, vectors: input.vectors }),
    bootstrap: input.bootstrap,
    keepShopperScores: true,
    onModel: (name) => onModel(name),
  });
  const margin = marginOverBest(evaluation, 'hybrid', 'ndcg10', input.bootstrap);
  // The per-shopper scores only serve the paired comparison: they would only weigh on the copy back.
  for (const row of evaluation.rows) delete row.shopperScores;
  return { evaluation, margin };
}
