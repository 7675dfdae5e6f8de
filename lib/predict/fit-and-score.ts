/**
 * Fitting, evaluating and scoring one prediction kind: the CPU-bound part of `predict.train`,
 * run through lib/compute (task `predict.fit`, on a worker thread in the server). Everything
 * crossing to the worker is plain data (packed histories in, JSON artefact and scores out).
 */
import { buildModelCard } from '@/lib/predict/card/build';
import type { ModelCardData } from '@/lib/predict/card/types';
import type { ModelEvaluation, PredictionKind } from '@/lib/predict/types';
import { type PackedHistories, unpackHistories } from './packed';
import type { ScoreRow } from './queries';
import { scoreAll } from './scoring';
import { fitKind, type Protocol } from './service-evaluate';

export interface FitRequest {
  kind: PredictionKind;
  /** Packed (./packed.ts): objects would be cloned on the server's thread. */
  histories: PackedHistories;
  opts: { end: number; first: number | null; horizonDays?: number; protocol?: Protocol };
}

export interface FitOutcome {
  method: string;
  artefact: Record<string, unknown>;
  evaluation: ModelEvaluation;
  asOf: number;
  horizonDays: number;
  shoppers: number;
  scores: ScoreRow[];
  /** The model card (lib/predict/card): population, reference distributions, curves, limitations; null if it could not be built. */
  card: ModelCardData | null;
  fitMs: number;
  scoreMs: number;
}

/** On this thread. @throws TooLittleData when the kind cannot even be evaluated. */
export async function fitAndScore(req: FitRequest): Promise<FitOutcome> {
  const histories = unpackHistories(req.histories);
  const t0 = Date.now();
  const fitted = await fitKind(req.kind, histories, req.opts);
  const t1 = Date.now();
  const scores = scoreAll(fitted.model, histories, req.opts.end);
  const card = cardOrNull(() =>
    buildModelCard(fitted, histories, { first: req.opts.first, end: req.opts.end }),
  );
  return {
    method: fitted.model.model.method,
    artefact: fitted.model.model.toJSON(),
    evaluation: fitted.evaluation,
    asOf: fitted.asOf,
    horizonDays: fitted.horizonDays,
    shoppers: fitted.shoppers,
    scores,
    card,
    fitMs: t1 - t0,
    scoreMs: Date.now() - t1,
  };
}

/** A card is documentation: a bug in building it must not fail the training (the page says so). */
function cardOrNull(build: () => ModelCardData): ModelCardData | null {
  try {
    return build();
  } catch {
    return null;
  }
}
