/**
 * The recommendation fairness report as a compute task (lib/compute/tasks.ts, run on a worker
 * thread in the server): the hybrid is created where it is fitted, from the product vectors that
 * crossed with the data, so nothing but plain data and typed arrays crosses the thread.
 */
import type { RecommendationMitigation } from '@/db/schema/fairness';
import { createHybrid } from '@/lib/recommend/hybrid-default';
import type { Dataset } from '@/lib/recommend/types';
import { type ItemFacts, measureRecommendationFairness } from './measure';
import type { RecommendationFairnessReport } from './report';

export interface FairnessTaskInput {
  dataset: Dataset;
  facts: ItemFacts;
  vectors: (Float32Array | null)[] | null;
  cutoff: number;
  mitigation: RecommendationMitigation;
  proposal: boolean;
}

export function measureFairnessTask(
  input: FairnessTaskInput,
  onStep: (step: 'training' | 'recommending' | 'measuring') => void,
): Promise<RecommendationFairnessReport> {
  const { dataset, facts, vectors } = input;
  return measureRecommendationFairness(dataset, facts, {
    cutoff: input.cutoff,
    mitigation: input.mitigation,
    proposal: input.proposal,
    model: createHybrid({ protocol: 'all', ...(vectors ? { vectors } : {}) }),
    vectors,
    onStep,
  });
}
