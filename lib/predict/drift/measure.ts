/**
 * The CPU-bound part of a drift check as a compute task (lib/compute/tasks.ts, run on a worker
 * thread in the server): today's population of each live model, scored from its stored artefact,
 * against the reference distributions of its card.
 */
import type { PredictionKind } from '@/db/schema/shoppers';
import { populationAt } from '@/lib/predict/card/population';
import type { ModelCardData } from '@/lib/predict/card/types';
import { restoreModel } from '@/lib/predict/scoring';
import { type PackedHistories, unpackHistories } from '@/lib/predict/packed';
import { compareToReference, type DriftReport } from './compare';

export interface DriftModelInput {
  kind: PredictionKind;
  artefact: unknown;
  reference: NonNullable<ModelCardData['reference']>;
}

/** Per model, in input order: its report, or why it was skipped (both safe to show). */
export type DriftMeasurement = { report: DriftReport } | { skipped: string };

export function measureDrift(input: {
  /** Packed (lib/predict/packed.ts): objects would be cloned on the server's thread. */
  histories: PackedHistories;
  end: number;
  models: readonly DriftModelInput[];
}): DriftMeasurement[] {
  const histories = unpackHistories(input.histories);
  return input.models.map((m) => {
    let model: ReturnType<typeof restoreModel>;
    try {
      model = restoreModel(m.kind, m.artefact);
    } catch {
      return { skipped: 'the stored model could not be read' };
    }
    const population = populationAt(model, histories, input.end);
    if (population.scores.length === 0) return { skipped: 'no shopper is scored today' };
    return { report: compareToReference(m.reference, population) };
  });
}
