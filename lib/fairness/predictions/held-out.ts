/**
 * Per-shopper held-out scores of churn / propensity for the fairness report (issue 8). Preferred
 * protocol 'temporal': the model is trained as of asOf − horizon (labels in
 * [asOf − horizon, asOf)) exactly as the training job fits it, then scores the shoppers eligible
 * at `asOf` from facts strictly before it; their labels come from [asOf, asOf + horizon). When the
 * data does not reach back far enough to train that earlier model (the 120-day demo store with a
 * 90-day churn horizon), 'cv5': five-fold cross-fitting at `asOf`, each shopper scored by a model
 * that never saw them. When even that is not trainable, 'rule': the transparent small-store rule,
 * as the live predictions would use.
 */
import {
  type BinaryKind,
  eligible,
  fitBinary,
  labelOf,
  ruleBinary,
  trainability,
} from '@/lib/predict/binary';
import { fitGamRows, prepare } from '@/lib/predict/binary/fit';
import { splitFold, stratifiedFolds } from '@/lib/predict/binary/folds';
import { type PackedHistories, unpackHistories } from '@/lib/predict/packed';
import type { ShopperHistory } from '@/lib/predict/types';

const DAY_MS = 86_400_000;
const FOLDS = 5;

export interface HeldOutScore {
  history: ShopperHistory;
  /** Probability of the event, 0..1, from facts strictly before `asOf`. */
  score: number;
  label: 0 | 1;
}

export interface HeldOut {
  protocol: 'temporal' | 'cv5' | 'rule';
  method: string;
  /** Why the rule was used instead of a trained model, when it was. */
  fallback: string | null;
  /** Epoch ms the scoring model was trained as of (= asOf for cv5 and the rule). */
  trainAsOf: number;
  asOf: number;
  horizonDays: number;
  /** Shoppers the model was trained on (all folds together for cv5). */
  trained: number;
  scores: HeldOutScore[];
}

/** Five-fold cross-fitted scores at `asOf`: every shopper scored by the model of the other folds. */
function crossFitted(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  asOf: number,
  horizonDays: number,
) {
  const data = prepare(kind, histories, asOf, horizonDays);
  const fold = stratifiedFolds(data.labels, FOLDS, 1);
  const scores = new Float64Array(data.rows.length);
  for (let f = 0; f < FOLDS; f++) {
    const { train, test } = splitFold(fold, f);
    const pick = Array.from(train);
    const model = fitGamRows(
      kind,
      {
        rows: pick.map((i) => data.rows[i]!),
        labels: Uint8Array.from(pick, (i) => data.labels[i]!),
        home: data.home,
      },
      { asOf, horizonDays },
    );
    for (const i of test) scores[i] = model.score(data.histories[i]!, asOf);
  }
  return data.histories.map((h, i) => ({ history: h, score: scores[i]!, label: data.labels[i] as 0 | 1 }));
}

/**
 * Held-out scores of every shopper eligible at `asOf` (epoch ms), by the first protocol the data
 * allows (see the file comment).
 * @throws Error when nobody is eligible at `asOf` (the message is safe to show).
 */
export function heldOutScores(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: { asOf: number; horizonDays: number },
): HeldOut {
  const { asOf, horizonDays } = opts;
  const trainAsOf = asOf - horizonDays * DAY_MS;
  const earlier = trainability(kind, histories, { asOf: trainAsOf, horizonDays });
  const base = { asOf, horizonDays };
  if (earlier.ok) {
    const model = fitBinary(kind, histories, { asOf: trainAsOf, horizonDays });
    const scores: HeldOutScore[] = [];
    for (const h of histories) {
      if (!eligible(kind, h, asOf)) continue;
      scores.push({ history: h, score: model.score(h, asOf), label: labelOf(kind, h, asOf, horizonDays) });
    }
    if (!scores.length)
      throw new Error(`No shopper is eligible for ${kind} ${horizonDays} days before the end of the data.`);
    return {
      ...base,
      protocol: 'temporal',
      method: model.method,
      fallback: null,
      trainAsOf,
      trained: earlier.n,
      scores,
    };
  }
  const now = trainability(kind, histories, { asOf, horizonDays });
  if (now.n === 0)
    throw new Error(`No shopper is eligible for ${kind} ${horizonDays} days before the end of the data.`);
  if (now.ok) {
    const scores = crossFitted(kind, histories, asOf, horizonDays);
    return {
      ...base,
      protocol: 'cv5',
      method: 'logistic-gam',
      fallback: null,
      trainAsOf: asOf,
      trained: now.n,
      scores,
    };
  }
  const rule = ruleBinary(kind, horizonDays);
  const scores: HeldOutScore[] = [];
  for (const h of histories) {
    if (eligible(kind, h, asOf))
      scores.push({ history: h, score: rule.score(h, asOf), label: labelOf(kind, h, asOf, horizonDays) });
  }
  return {
    ...base,
    protocol: 'rule',
    method: rule.method,
    fallback: now.reason,
    trainAsOf: asOf,
    trained: 0,
    scores,
  };
}

/** HeldOut with each score pointing at its history by index: what crosses a worker thread back. */
export type CompactHeldOut = Omit<HeldOut, 'scores'> & {
  scores: { index: number; score: number; label: 0 | 1 }[];
};

/**
 * heldOutScores as a compute task (lib/compute/tasks.ts): the histories arrive packed
 * (lib/predict/packed.ts) and only indices, scores and labels come back; `expandHeldOut`
 * re-attaches the caller's histories.
 */
export function heldOutCompact(input: {
  kind: BinaryKind;
  histories: PackedHistories;
  asOf: number;
  horizonDays: number;
}): CompactHeldOut {
  const histories = unpackHistories(input.histories);
  const held = heldOutScores(input.kind, histories, input);
  const indexOf = new Map(histories.map((h, i) => [h, i]));
  return {
    ...held,
    scores: held.scores.map((s) => ({ index: indexOf.get(s.history)!, score: s.score, label: s.label })),
  };
}

/** The HeldOut of `heldOutCompact` over the same `histories`. */
export function expandHeldOut(compact: CompactHeldOut, histories: readonly ShopperHistory[]): HeldOut {
  return {
    ...compact,
    scores: compact.scores.map((s) => ({ history: histories[s.index]!, score: s.score, label: s.label })),
  };
}
