/**
 * Fitting, scoring, explaining and loading the preference model. The mixture's weights and decay
 * are learned by maximum likelihood of the category each shopper bought next in the window
 * [asOf − horizon, asOf), from facts before asOf − horizon; the popularity prior is then
 * recomputed as of asOf, so the artefact uses everything before asOf and nothing after it.
 */
import type { CategoryProbability, PreferenceFitOptions, PreferenceModel } from './index';
import type { Contribution, Explanation, ShopperHistory } from '@/lib/predict/types';
import { nelderMead } from '@/lib/predict/clv/optimize';
import { shapley } from '@/lib/predict/clv/core';
import { epochOf } from '@/lib/predict/clv/summary';
import { type MixtureMask, type MixtureParams, mixtureProbabilities } from './mixture';
import { DAY_MS, nextCategory, popularityAt, type SignalFact, signalFacts } from './signals';

/** Fewer training shoppers (with a labelled next purchase) than this → the 'popularity' method. */
export const PREFERENCE_MIN_SHOPPERS = 30;

const POPULARITY_ONLY: MixtureParams = { alpha: 1, carts: 0, views: 0, halfLifeDays: 30 };
const PLAYERS = [
  { key: 'purchases', label: 'Past purchases in the category' },
  { key: 'carts', label: 'Cart adds in the category' },
  { key: 'views', label: 'Product views in the category' },
  { key: 'recency', label: 'How recent that activity is' },
] as const;

interface State {
  method: 'affinity-mixture' | 'popularity';
  params: MixtureParams;
  categories: string[];
  popularity: number[];
  trainShoppers: number;
}

function modelOf(state: State): PreferenceModel {
  const index = new Map(state.categories.map((c, i) => [c, i] as const));
  const probs = (facts: readonly SignalFact[], mask?: MixtureMask): Float64Array =>
    state.method === 'popularity'
      ? Float64Array.from(state.popularity)
      : mixtureProbabilities(state.params, state.popularity, index, facts, mask);
  return {
    kind: 'preference',
    method: state.method,
    parameters: { ...state.params, trainShoppers: state.trainShoppers, categories: state.categories.length },
    predict(h: ShopperHistory, asOf: number, limit?: number): CategoryProbability[] {
      const p = probs(signalFacts(h, asOf));
      const out = state.categories.map((category, i) => ({ category, probability: p[i]! }));
      out.sort((a, b) => b.probability - a.probability || (a.category < b.category ? -1 : 1));
      return limit === undefined ? out : out.slice(0, Math.max(0, limit));
    },
    explain(h: ShopperHistory, asOf: number, category: string): Explanation {
      const i = index.get(category);
      const method = state.method;
      if (i === undefined) {
        return {
          kind: 'preference',
          method,
          link: 'identity',
          base: 0,
          contributions: [],
          total: 0,
          score: 0,
        };
      }
      const facts = signalFacts(h, asOf);
      const value = (key: string): string => {
        if (key === 'recency') return `${Math.round(state.params.halfLifeDays)}-day half-life`;
        const signal = PLAYERS.findIndex((p) => p.key === key);
        const n = facts
          .filter((f) => f.signal === signal && f.category === category)
          .reduce((s, f) => s + f.weight, 0);
        return String(Math.round(n * 100) / 100);
      };
      const phi = shapley(
        PLAYERS.length,
        (m) =>
          probs(facts, { purchases: !!(m & 1), carts: !!(m & 2), views: !!(m & 4), recency: !!(m & 8) })[i]!,
      );
      const contributions: Contribution[] = PLAYERS.map((p, k) => ({
        feature: p.key,
        label: p.label,
        value: value(p.key),
        contribution: phi.values[k]!,
      }));
      const total = phi.base + contributions.reduce((s, c) => s + c.contribution, 0);
      return {
        kind: 'preference',
        method,
        link: 'identity',
        base: phi.base,
        contributions,
        total,
        score: probs(facts)[i]!,
      };
    },
    toJSON: () => ({ kind: 'preference', version: 1, ...state, params: { ...state.params } }),
  };
}

/** A training shopper: their facts in known categories as flat arrays, and the label's index. */
interface Row {
  signal: Uint8Array;
  category: Int32Array;
  ageDays: Float64Array;
  weight: Float64Array;
  label: number;
}

function rowOf(facts: readonly SignalFact[], index: ReadonlyMap<string, number>, label: number): Row {
  const known = facts.filter((f) => index.has(f.category));
  return {
    signal: Uint8Array.from(known, (f) => f.signal),
    category: Int32Array.from(known, (f) => index.get(f.category)!),
    ageDays: Float64Array.from(known, (f) => f.ageDays),
    weight: Float64Array.from(known, (f) => f.weight),
    label,
  };
}

/**
 * Mean negative log-likelihood of the labels under `params` — `mixtureProbabilities` of the label
 * only, computed without allocating (popularity sums to 1, so the normaliser is α + Σ facts).
 */
function meanNll(params: MixtureParams, popularity: readonly number[], rows: readonly Row[]): number {
  const weights = [1, params.carts, params.views];
  const rate = Math.LN2 / params.halfLifeDays;
  let nll = 0;
  for (const r of rows) {
    let total = params.alpha;
    let hit = params.alpha * popularity[r.label]!;
    for (let k = 0; k < r.signal.length; k++) {
      const v = weights[r.signal[k]!]! * r.weight[k]! * Math.exp(-rate * r.ageDays[k]!);
      total += v;
      if (r.category[k] === r.label) hit += v;
    }
    nll -= Math.log(Math.max(hit / total, 1e-15));
  }
  return nll / rows.length;
}

/**
 * Learns the mixture from histories (facts strictly before `asOf` only; see the file comment).
 * Deterministic. Fewer than PREFERENCE_MIN_SHOPPERS labelled shoppers or fewer than two known
 * categories → method 'popularity'. Throws on an invalid asOf or horizon.
 */
export function fitPreference(
  histories: readonly ShopperHistory[],
  opts: PreferenceFitOptions,
): PreferenceModel {
  const asOf = epochOf(opts.asOf);
  if (!(opts.horizonDays > 0)) throw new Error('horizonDays must be positive');
  const cutoff = asOf - opts.horizonDays * DAY_MS;
  const train = popularityAt(histories, cutoff);
  const index = new Map(train.categories.map((c, i) => [c, i] as const));
  const rows: Row[] = [];
  for (const h of histories) {
    const next = nextCategory(h, cutoff, asOf);
    const label = next === null ? undefined : index.get(next);
    if (label !== undefined) rows.push(rowOf(signalFacts(h, cutoff), index, label));
  }
  const final = popularityAt(histories, asOf);
  if (rows.length < PREFERENCE_MIN_SHOPPERS || train.categories.length < 2) {
    return modelOf({ method: 'popularity', params: POPULARITY_ONLY, ...final, trainShoppers: rows.length });
  }
  const decode = (v: readonly number[]): MixtureParams => ({
    alpha: Math.exp(v[0]!),
    carts: Math.exp(v[1]!),
    views: Math.exp(v[2]!),
    // Half-life kept within [1 day, 10 years].
    halfLifeDays: Math.min(Math.max(Math.exp(v[3]!), 1), 3650),
  });
  const objective = (v: readonly number[]): number =>
    v.some((t) => Math.abs(t) > 25) ? Number.POSITIVE_INFINITY : meanNll(decode(v), train.popularity, rows);
  const best = nelderMead(objective, [Math.log(2), Math.log(0.5), Math.log(0.1), Math.log(30)], {
    step: 1,
    tolerance: 1e-9,
    maxIterations: 600,
  });
  return modelOf({
    method: 'affinity-mixture',
    params: decode(best.x),
    ...final,
    trainShoppers: rows.length,
  });
}

/** Restores a model from `toJSON()` output. Throws on an unknown or malformed artefact. */
export function loadPreference(json: unknown): PreferenceModel {
  const fail = (why: string): never => {
    throw new Error(`Unknown preference artefact: ${why}`);
  };
  if (!json || typeof json !== 'object') return fail('not an object');
  const j = json as Record<string, unknown>;
  if (j.kind !== 'preference' || j.version !== 1) return fail('kind or version');
  if (j.method !== 'affinity-mixture' && j.method !== 'popularity') return fail(`method ${String(j.method)}`);
  const { categories, popularity, params, trainShoppers } = j;
  if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
    return fail('categories');
  if (!Array.isArray(popularity) || popularity.length !== categories.length) return fail('popularity');
  if (!popularity.every((v) => typeof v === 'number' && v >= 0)) return fail('popularity values');
  const p = (params ?? {}) as Record<string, unknown>;
  const num = (k: keyof MixtureParams): number => {
    const v = p[k];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fail(`params.${k}`);
  };
  return modelOf({
    method: j.method,
    params: {
      alpha: num('alpha'),
      carts: num('carts'),
      views: num('views'),
      halfLifeDays: num('halfLifeDays'),
    },
    categories: categories as string[],
    popularity: popularity as number[],
    trainShoppers: typeof trainShoppers === 'number' ? trainShoppers : 0,
  });
}
