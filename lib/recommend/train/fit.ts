/**
 * Fits the production hybrid and the serving-only models (frequently bought together) on a
 * dataset and packs them into an artefact. Pure: no database, so the tests and the CLI can call it.
 */
import { createHybrid } from '../hybrid-default';
import { FbtModel } from '../models/fbt';
import type { HybridRecommender } from '../models/hybrid';
import { TunedRecommender } from '../models/tuned';
import type { Dataset } from '../types';
import type { ModelMetrics } from '@/db/schema';
import { serializeArtefact } from './artefact';
import { type ArtefactLimits, buildModelArtefact, type ModelArtefact } from './model-artefact';

export interface FitOptions {
  /** Data cutoff in epoch ms (default: just after the last interaction). */
  asOf?: number;
  /** Unit product vectors by item index (the content component joins when any). */
  vectors?: ReadonlyArray<Float32Array | null | undefined>;
  validationDays?: number;
  limits?: ArtefactLimits;
}

export interface FittedModel {
  hybrid: HybridRecommender;
  artefact: ModelArtefact;
  bytes: Uint8Array;
  metrics: ModelMetrics;
  weights: Record<string, number>;
  asOf: number;
}

/** Fits, evaluates on the validation window (the hybrid's own) and serializes. */
export async function fitModel(data: Dataset, opts: FitOptions = {}): Promise<FittedModel> {
  const started = performance.now();
  const n = data.time.length;
  const asOf = opts.asOf ?? (n > 0 ? data.time[n - 1]! + 1 : Date.now());
  const validationDays = opts.validationDays ?? 28;
  const hybrid = createHybrid({ vectors: opts.vectors, validationDays }) as HybridRecommender;
  await hybrid.fit(data, { asOf });
  const fbt = new FbtModel();
  fbt.fit(data, { asOf });
  const artefact = buildModelArtefact(hybrid, fbt, data, asOf, opts.limits);
  const bytes = serializeArtefact(artefact);
  const learned = hybrid.weights;
  const tuning: ModelMetrics['tuning'] = {};
  for (const c of hybrid.components) if (c instanceof TunedRecommender) tuning[c.name] = c.report;
  const weights: Record<string, number> = {};
  learned.features.forEach((f, i) => {
    weights[f] = learned.weights[i] ?? 0;
  });
  return {
    hybrid,
    artefact,
    bytes,
    asOf,
    weights,
    metrics: {
      // NaN (no validation shoppers) is stored as 0: such a model beats nothing.
      validationNdcg: Number.isFinite(learned.ndcg) ? learned.ndcg : 0,
      validationDays,
      tuning,
      trainingMs: Math.round(performance.now() - started),
    },
  };
}
