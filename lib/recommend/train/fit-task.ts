/**
 * The worker-thread form of fitModel (task `recommend.fit`): plain data in, the stored parts of
 * the fitted model out. Fitting the demo's hybrid is seconds of synchronous work; on the server's
 * thread it held every page and storefront request for that long.
 */
import type { ModelMetrics } from '@/db/schema';
import type { Dataset } from '../types';
import { fitModel } from './fit';

export interface FitTaskInput {
  data: Dataset;
  asOf: number;
  vectors?: ReadonlyArray<Float32Array | null | undefined>;
}

/** What the training service stores: the serialized artefact and the version's figures. */
export interface FitTaskOutput {
  bytes: Uint8Array;
  metrics: ModelMetrics;
  weights: Record<string, number>;
  asOf: number;
}

export async function fitModelTask(input: FitTaskInput): Promise<FitTaskOutput> {
  const { bytes, metrics, weights, asOf } = await fitModel(input.data, {
    asOf: input.asOf,
    vectors: input.vectors,
  });
  return { bytes, metrics, weights, asOf };
}
