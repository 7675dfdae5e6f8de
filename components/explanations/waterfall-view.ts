/**
 * The geometry and words of a prediction waterfall (pure, no React): from the base value (the
 * typical shopper) through each feature's contribution, largest first, to this shopper's value.
 * Logit models run on the log-odds axis, where contributions add up; the two ends are also said
 * as probabilities. Identity models (customer value) run in money.
 */
import { formatPercent } from '@/components/predictions/present';

/** What a waterfall needs of an explanation (lib/predict Explanation or the API's shape). */
export interface WaterfallInput {
  link: 'logit' | 'identity';
  /** Base value in link space (log-odds, or money in minor units). */
  base: number;
  /** base + Σ contributions, link space. */
  total: number;
  /** The score itself: a probability for logit models, else equal to total. */
  score: number;
  contributions: readonly { feature: string; label: string; value: string; contribution: number }[];
}

export interface WaterfallStep {
  key: string;
  /** "Days since last order: 41", or "3 other features". */
  label: string;
  contribution: number;
  /** Running value before and after this step, link space. */
  from: number;
  to: number;
  /** The signed contribution, formatted ("+0.62", "−€12.40"). */
  text: string;
}

export interface WaterfallView {
  link: 'logit' | 'identity';
  steps: WaterfallStep[];
  base: number;
  total: number;
  /** "typical shopper 31%" / "typical shopper €120.00". */
  baseLabel: string;
  /** "this shopper 58%". */
  endLabel: string;
  /** The axis range, padded, link space. */
  domain: [number, number];
  ticks: number[];
  /** One sentence for screen readers and the chart's aria-label. */
  summary: string;
  /** Features folded into the last step (0 when none). */
  folded: number;
}

export interface WaterfallFormat {
  /** A signed step in link units; default: two decimals with a true minus. */
  delta?: (v: number) => string;
  /** A level on the axis (base, total, ticks); default: two decimals. */
  level?: (v: number) => string;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** "+0.62", "−0.18", "±0.00". */
export function signedDecimal(v: number, digits = 2): string {
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${v > 0 ? '+' : '−'}${text}`;
}

/** "0.42", "−0.18": a level with a true minus. */
export function plainDecimal(v: number): string {
  const text = Math.abs(v).toFixed(2);
  return Number(text) === 0 || v > 0 ? text : `−${text}`;
}

/** About five round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  }
  return out;
}

/**
 * The waterfall of `e`: the `limit` largest contributions by size (largest first), the others
 * folded into one "N other features" step so the steps still add up to the total.
 */
export function waterfallView(
  e: WaterfallInput,
  { limit = 6, format = {} }: { limit?: number; format?: WaterfallFormat } = {},
): WaterfallView {
  const delta = format.delta ?? ((v: number) => signedDecimal(v));
  const level = format.level ?? plainDecimal;
  const sorted = [...e.contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  // Folding a single feature would hide its name for nothing: show it instead.
  const shown = sorted.length <= limit + 1 ? sorted : sorted.slice(0, limit);
  const hidden = sorted.slice(shown.length);
  const steps: WaterfallStep[] = [];
  let at = e.base;
  for (const c of shown) {
    steps.push({
      key: c.feature,
      label: c.value ? `${c.label}: ${c.value}` : c.label,
      contribution: c.contribution,
      from: at,
      to: at + c.contribution,
      text: delta(c.contribution),
    });
    at += c.contribution;
  }
  if (hidden.length > 0) {
    const sum = hidden.reduce((s, c) => s + c.contribution, 0);
    steps.push({
      key: '__other',
      label: `${hidden.length} other feature${hidden.length === 1 ? '' : 's'}`,
      contribution: sum,
      from: at,
      to: at + sum,
      text: delta(sum),
    });
  }
  const points = [e.base, e.total, ...steps.flatMap((s) => [s.from, s.to])];
  let lo = Math.min(...points);
  let hi = Math.max(...points);
  const pad = (hi - lo || Math.max(1, Math.abs(hi))) * 0.06;
  lo -= pad;
  hi += pad;
  // Money never goes below zero on the axis unless a running value does.
  if (e.link === 'identity' && Math.min(...points) >= 0) lo = Math.max(0, lo);
  const logit = e.link === 'logit';
  const baseLabel = `typical shopper ${logit ? formatPercent(sigmoid(e.base)) : level(e.base)}`;
  const endLabel = `this shopper ${logit ? formatPercent(e.score) : level(e.score)}`;
  const top = steps.filter((s) => s.key !== '__other').slice(0, 3);
  const drivers = top.length
    ? ` Largest: ${top.map((s) => `${s.label} (${s.text}${logit ? ' log-odds' : ''})`).join('; ')}.`
    : '';
  return {
    link: e.link,
    steps,
    base: e.base,
    total: e.total,
    baseLabel,
    endLabel,
    domain: [lo, hi],
    ticks: niceTicks(lo, hi),
    summary: `From the ${baseLabel} to ${endLabel}.${drivers}`,
    folded: hidden.length,
  };
}
