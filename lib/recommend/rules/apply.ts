import type { Reason } from '../explain/reasons';
import { SCENARIOS, type ScenarioId } from '../scenarios';
import type { CatalogFacts } from './catalog';
import { boostMatches, type CompiledRules, compileRules } from './compile';
import { emptySummary, type FilterSummary, failingRule } from './filters';
import type { PlacementRules } from './schema';
import { selectDiverse } from './select';

export interface Candidate {
  item: number;
  score: number;
  /** The model's reasons, contributions summing to 1 (or empty). */
  reasons: Reason[];
}

export interface RuleContext {
  /** Last purchase time (epoch ms) per item for this shopper; empty for an anonymous visitor. */
  purchased: ReadonlyMap<number, number>;
  /** Epoch ms of the request: windows and product age are relative to it. */
  now: number;
  k: number;
  /** Item–item similarity in 0..1 for MMR (e.g. ItemKnnModel.similarity); defaults to same category. */
  similarity?: (a: number, b: number) => number;
  /** The placement's scenario: buy-again keeps purchased items whatever the rules say. */
  scenario?: ScenarioId;
}

export interface RuledItem {
  item: number;
  /** Model score × boost factors; a pinned item that was not a candidate has 0. */
  score: number;
  reasons: Reason[];
  pinned: boolean;
}

export interface RulesOutcome {
  items: RuledItem[];
  filtered: FilterSummary;
}

/**
 * Applies a placement's business rules to scored candidates (best first or not; any order):
 * filters remove, boosts multiply the score, pins take their 1-based positions (an out-of-stock
 * pin is still removed when that rule is on; other filters do not apply to a pin the merchant
 * chose by hand), and the rest is picked greedily under the diversity caps, by MMR when
 * `mmrLambda` is set. Returns at most `k` items with reasons updated, and what was filtered.
 * Allocates typed arrays per call and one object per returned item; candidates are not mutated.
 */
export function applyRules(
  candidates: readonly Candidate[],
  rules: PlacementRules,
  catalog: CatalogFacts,
  context: RuleContext,
): RulesOutcome {
  const c = compileRules(rules, catalog, context.now);
  const filtered = emptySummary(candidates.length);
  const keepsPurchased = context.scenario !== undefined && SCENARIOS[context.scenario].keepsPurchased;
  const purchased = keepsPurchased ? null : context.purchased;

  const pins: { item: number; position: number }[] = [];
  // Candidates already decided by their pin: placed, or removed (and counted once) as out of stock.
  const decided = new Set<number>();
  for (const pin of c.pins) {
    if (c.excludeOutOfStock && catalog.inStock[pin.item] !== 1) {
      filtered.removed.outOfStock++;
      decided.add(pin.item);
    } else if (pin.position <= context.k) {
      pins.push(pin);
      decided.add(pin.item);
    }
    // A pin beyond k leaves its product to compete like any other candidate.
  }

  // Survivors as parallel typed arrays: position in `candidates`, item, boosted score.
  const n = candidates.length;
  const from = new Int32Array(n);
  const items = new Int32Array(n);
  const scores = new Float64Array(n);
  const seen = new Set<number>();
  let m = 0;
  for (let i = 0; i < n; i++) {
    const cand = candidates[i]!;
    if (decided.has(cand.item) || seen.has(cand.item)) continue;
    seen.add(cand.item);
    const rule = failingRule(cand.item, c, catalog, purchased, context.now);
    if (rule !== null) {
      filtered.removed[rule]++;
      continue;
    }
    from[m] = i;
    items[m] = cand.item;
    scores[m] = cand.score * boostFactor(c, cand.item, catalog);
    m++;
  }
  const order = new Int32Array(m);
  for (let j = 0; j < m; j++) order[j] = j;
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const poolItems = new Int32Array(m);
  const poolScores = new Float64Array(m);
  order.forEach((j, r) => {
    poolItems[r] = items[j]!;
    poolScores[r] = scores[j]!;
  });

  const { picked, capped } = selectDiverse(
    poolItems,
    poolScores,
    context.k - pins.length,
    catalog,
    { ...rules.diversity, similarity: context.similarity },
    pins.map((p) => p.item),
  );
  filtered.removed.diversity = capped;

  const byItem = new Map<number, Candidate>();
  for (const cand of candidates) if (decided.has(cand.item)) byItem.set(cand.item, cand);
  const ranked = Array.from(picked, (r) => ruled(candidates[from[order[r]!]!]!, c, catalog, null));
  return { items: placePins(ranked, pins, (p) => ruled(byItem.get(p.item), c, catalog, p)), filtered };
}

/** Pins at their slots; a pin beyond the end of a short list moves up to the end. */
function placePins(
  ranked: RuledItem[],
  pins: { item: number; position: number }[],
  make: (pin: { item: number; position: number }) => RuledItem,
): RuledItem[] {
  const out: RuledItem[] = [];
  let r = 0;
  let p = 0;
  while (r < ranked.length || p < pins.length) {
    const pin = pins[p];
    if (pin !== undefined && (pin.position <= out.length + 1 || r >= ranked.length)) {
      out.push(make(pin));
      p++;
    } else out.push(ranked[r++]!);
  }
  return out;
}

function boostFactor(c: CompiledRules, item: number, catalog: CatalogFacts): number {
  let f = 1;
  for (const b of c.boosts) if (boostMatches(b.test, item, catalog)) f *= b.factor;
  return f;
}

/**
 * The output row with reasons re-weighted: a boost F turns score s into s·F, so the model's reasons
 * keep s (share ÷ F) and the rules own the rest (1 − 1/F, negative for a bury), split between
 * several boosts by log-factor since they multiply.
 */
function ruled(
  cand: Candidate | undefined,
  c: CompiledRules,
  catalog: CatalogFacts,
  pin: { item: number; position: number } | null,
): RuledItem {
  const item = cand?.item ?? pin!.item;
  const matched = c.boosts.filter((b) => boostMatches(b.test, item, catalog));
  const factor = matched.reduce((f, b) => f * b.factor, 1);
  const logTotal = Math.log(factor);
  const ruleShare = 1 - 1 / factor;
  const reasons: Reason[] = (cand?.reasons ?? []).map((r) => ({
    ...r,
    contribution: r.contribution / factor,
  }));
  for (const b of matched) {
    const share = logTotal === 0 ? 0 : (ruleShare * Math.log(b.factor)) / logTotal;
    reasons.push({ kind: 'rule', rule: b.label, factor: b.factor, contribution: share });
  }
  if (pin) {
    const alone = reasons.length === 0;
    reasons.push({
      kind: 'rule',
      rule: 'pin',
      pinned: true,
      position: pin.position,
      contribution: alone ? 1 : 0,
    });
  }
  return { item, score: (cand?.score ?? 0) * factor, reasons, pinned: pin !== null };
}
