/**
 * Flags and output of `tailor explain`: flag checks (clear usage errors before the database is
 * opened), the JSON shapes and the human-readable lines.
 */
import {
  EXPLAINED_KIND_LABEL,
  EXPLAINED_KINDS,
  type ExplainedKind,
  isExplainedKind,
} from '@/lib/explain/service';
import type { PredictionExplanation, RecommendationExplanation } from '@/lib/explain/service';
import { UsageError } from '../command';
import { formatTable } from '../output';

export type ExplainTarget =
  | { kind: 'model'; model: ExplainedKind }
  | { kind: 'placement'; placement: string };

/** `--model` xor `--placement`. @throws UsageError naming the problem. */
export function parseExplainTarget(o: { model?: string; placement?: string }): ExplainTarget {
  const model = o.model?.trim().toLowerCase();
  const placement = o.placement?.trim();
  if (model && placement) throw new UsageError('Pass either --model or --placement, not both.');
  if (model !== undefined && model !== '') {
    if (!isExplainedKind(model))
      throw new UsageError(`--model must be one of ${EXPLAINED_KINDS.join(', ')}, got "${o.model}".`);
    return { kind: 'model', model };
  }
  if (placement) return { kind: 'placement', placement };
  throw new UsageError('Pass --model churn|propensity|clv or --placement <key>.');
}

/** The JSON of a prediction explanation: score, baseValue and the contributions (largest first). */
export function predictionJson(e: PredictionExplanation) {
  return {
    shopper: e.shopperId,
    model: e.model,
    method: e.method,
    link: e.link,
    score: e.score,
    baseValue: e.baseValue,
    total: e.total,
    contributions: sorted(e.contributions).map((c) => ({
      feature: c.feature,
      label: c.label,
      value: c.value,
      contribution: c.contribution,
    })),
  };
}

/** The JSON of a placement's explained list. */
export function recommendationJson(r: RecommendationExplanation) {
  return {
    shopper: r.shopperId,
    placement: r.placement,
    scenario: r.scenario,
    fallback: r.fallback,
    items: r.items.map((i) => ({
      productId: i.productId,
      externalId: i.externalId,
      title: i.title,
      score: i.score,
      reasons: (i.reasons ?? []).map((x) => ({ kind: x.kind, text: x.text, contribution: x.contribution })),
    })),
  };
}

function sorted<T extends { contribution: number }>(cs: readonly T[]): T[] {
  return [...cs].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

const signed = (v: number, digits: number) => `${v >= 0 ? '+' : '-'}${Math.abs(v).toFixed(digits)}`;

/** "Churn risk of <id>: 58% (typical shopper 31%)" then a table of the contributions. */
export function predictionLines(e: PredictionExplanation, money: (minor: number) => string): string[] {
  const logit = e.link === 'logit';
  const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
  const level = (v: number) => (logit ? pct(1 / (1 + Math.exp(-v))) : money(v));
  const label = EXPLAINED_KIND_LABEL[e.model];
  const unit = logit ? 'log-odds' : 'minor units';
  return [
    `${label[0]!.toUpperCase()}${label.slice(1)} of ${e.shopperId}: ${level(e.total)} (typical shopper ${level(e.baseValue)}) · ${e.method}`,
    formatTable(
      ['FEATURE', 'VALUE', `CONTRIBUTION (${unit})`],
      sorted(e.contributions).map((c) => [c.label, c.value, signed(c.contribution, logit ? 3 : 0)]),
    ),
    `Base ${e.baseValue.toFixed(logit ? 3 : 0)} + contributions = ${e.total.toFixed(logit ? 3 : 0)} ${unit}${logit ? ` → ${pct(e.score)}` : ''}`,
  ];
}

/** One block per item: rank, title and score, then each reason with its share of the score. */
export function recommendationLines(r: RecommendationExplanation): string[] {
  const out = [`Placement ${r.placement} (${r.scenario}) for ${r.shopperId}: ${r.items.length} items`];
  if (r.fallback) out.push(`Note: ${r.fallback}`);
  r.items.forEach((item, i) => {
    out.push(`${i + 1}. ${item.title} (${item.externalId}) score ${item.score.toFixed(3)}`);
    for (const x of item.reasons ?? []) {
      const share = x.contribution === 0 ? 'places it' : `${Math.round(x.contribution * 100)}%`;
      out.push(`   - ${x.text} [${share}]`);
    }
  });
  return out;
}
