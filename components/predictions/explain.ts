/**
 * A shopper's prediction in plain words and its explanation as bars (pure, no React): the label
 * ("High churn risk — 72%") and the contributions that, with the base, add up to the total.
 */
import type { Explanation } from '@/lib/predict/types';
import { formatPercent } from './present';

export type Level = 'high' | 'medium' | 'low';

/** Cut-offs of the three levels for probabilities; the same on the lists and the profile. */
export const LEVEL_CUTOFFS = { high: 0.6, medium: 0.3 } as const;

export function levelOf(p: number): Level {
  if (p >= LEVEL_CUTOFFS.high) return 'high';
  if (p >= LEVEL_CUTOFFS.medium) return 'medium';
  return 'low';
}

const LEVEL_WORD: Record<Level, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/**
 * A probability score in words: "High churn risk — 72%", "Low purchase propensity — 8%".
 * Only for churn and propensity (the kinds whose score is a probability).
 */
export function scoreLabel(kind: 'churn' | 'propensity', p: number): string {
  const what = kind === 'churn' ? 'churn risk' : 'purchase propensity';
  return `${LEVEL_WORD[levelOf(p)]} ${what} — ${formatPercent(p)}`;
}

export interface ContributionBar {
  feature: string;
  label: string;
  value: string;
  contribution: number;
  /** "+0.42" / "−0.18" in the explanation's link space. */
  text: string;
  /** Share of the widest bar, 0–100. */
  widthPct: number;
}

export interface ContributionView {
  bars: ContributionBar[];
  /** Contributions left out of `bars` (the smallest), summed, so the list still adds up. */
  rest: { count: number; contribution: number; text: string } | null;
  base: string;
  /** Σ contributions, signed. */
  sum: string;
  total: string;
  /** "log-odds" for logit explanations, else the score's own unit. */
  unit: string;
  /** base + Σ contributions − total (should be ~0; shown when it is not). */
  gap: number;
}

function signed(v: number, digits: number): string {
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${v > 0 ? '+' : '−'}${text}`;
}

/**
 * The `limit` largest contributions by size (largest first) and the rest summed, with the base
 * and the total, formatted with `digits` decimals (identity links in money pass their own format).
 */
export function contributionView(
  e: Explanation,
  {
    limit = 8,
    digits = 2,
    format,
    formatPlain,
  }: {
    limit?: number;
    digits?: number;
    /** A signed contribution ("+€12.40"); default `digits` decimals with a sign. */
    format?: (v: number) => string;
    /** The base and the total, unsigned; default `digits` decimals. */
    formatPlain?: (v: number) => string;
  } = {},
): ContributionView {
  const fmt = format ?? ((v: number) => signed(v, digits));
  const plain =
    formatPlain ??
    ((v: number) => {
      const text = Math.abs(v).toFixed(digits);
      return Number(text) === 0 || v > 0 ? text : `−${text}`;
    });
  const sorted = [...e.contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const shown = sorted.slice(0, limit);
  const hidden = sorted.slice(limit);
  const widest = Math.max(1e-12, ...shown.map((c) => Math.abs(c.contribution)));
  const restSum = hidden.reduce((s, c) => s + c.contribution, 0);
  const sum = e.contributions.reduce((s, c) => s + c.contribution, 0);
  return {
    bars: shown.map((c) => ({
      feature: c.feature,
      label: c.label,
      value: c.value,
      contribution: c.contribution,
      text: fmt(c.contribution),
      widthPct: Math.round((Math.abs(c.contribution) / widest) * 100),
    })),
    rest: hidden.length > 0 ? { count: hidden.length, contribution: restSum, text: fmt(restSum) } : null,
    base: plain(e.base),
    sum: fmt(sum),
    total: plain(e.total),
    unit: e.link === 'logit' ? 'log-odds' : 'score units',
    gap: e.base + sum - e.total,
  };
}

/** One sentence that says how the bars add up, e.g. "Base −0.31 + contributions +1.26 = 0.95 log-odds → 72%". */
export function explanationSentence(e: Explanation, view: ContributionView): string {
  const end = e.link === 'logit' ? ` ${view.unit} → ${formatPercent(e.score)}` : '';
  return `Base ${view.base} + contributions ${view.sum} = ${view.total}${end}.`;
}
