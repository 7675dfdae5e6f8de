/**
 * "Without this event the list would be …" (issue 8): a shopper's list recomputed as if one of
 * their past interactions had not happened. Pure over the in-memory serving model and catalog: the
 * model is shared and read-only, so the interaction is left out through `SourceInput.without`
 * (skipped as a seed, a repeat candidate and a purchase prior), never removed from the model.
 */
import { applyRules, type Candidate } from '../rules/apply';
import type { PlacementRules } from '../rules/schema';
import { type ScenarioId, usableSteps } from '../scenarios';
import { candidatesFrom, type SourceInput } from '../serve/sources';

/** The most history products tried per shopper (one full list each). */
export const MAX_REMOVED = 8;

export interface HistoryItem {
  /** Model (= catalog) item index. */
  item: number;
  /** Epoch ms of the last purchase; null for an interaction without one (view, cart). */
  lastPurchaseAt: number | null;
}

export interface ListChange {
  item: number;
  /** 1-based position: in the live list for an item that leaves, in the new list for one that enters. */
  position: number;
}

export interface Counterfactual {
  removed: HistoryItem;
  /** The list without the interaction, best first. */
  list: number[];
  left: ListChange[];
  entered: ListChange[];
}

export interface CounterfactualSetup {
  /** The live request: a known shopper (`shopper` set) and a trained model. */
  input: SourceInput;
  scenario: ScenarioId;
  rules: PlacementRules;
  /** Items shown. */
  k: number;
}

/**
 * The shopper's most recent distinct history products: purchases newest first, then the rest of
 * their history (views and carts carry no time in the model), at most `max`.
 */
export function recentHistory(input: SourceInput, max = MAX_REMOVED): HistoryItem[] {
  const m = input.model;
  const s = input.shopper;
  if (!m || s === undefined || !m.isKnown(s)) return [];
  const h = m.a.history;
  const items = Array.from(h.items.subarray(h.ptr[s]!, h.ptr[s + 1]!), (item) => {
    const p = m.boughtPair(s, item);
    return { item, lastPurchaseAt: p >= 0 ? m.a.buyAgain.last[p]! : null };
  });
  items.sort((a, b) => (b.lastPurchaseAt ?? -1) - (a.lastPurchaseAt ?? -1) || a.item - b.item);
  return items.slice(0, Math.max(0, max));
}

/**
 * The list the serving path would show (the scenario's usable fallback steps, then the rules),
 * without the `without` items in the shopper's history and visit. Catalog indexes, best first.
 */
export function rankedList(setup: CounterfactualSetup, without?: ReadonlySet<number>): number[] {
  const base = setup.input;
  const recent = without ? base.recent.filter((i) => !without.has(i)) : base.recent;
  const q: SourceInput = { ...base, recent, without, k: setup.k * 4 + setup.rules.pins.length };
  const known = q.model?.isKnown(q.shopper) ?? false;
  const steps = usableSteps(setup.scenario, {
    shopper: known,
    item: q.item !== undefined,
    cart: q.cart.length > 0,
    session: q.cart.length > 0 || recent.length > 0,
  });
  const purchased = setup.rules.excludePurchased.enabled ? purchasesOf(q) : new Map<number, number>();
  const context = { purchased, now: q.now, k: setup.k, scenario: setup.scenario };
  const pool: Candidate[] = [];
  const seen = new Set<number>();
  let items: number[] = [];
  for (const step of steps) {
    if (appendBelow(pool, seen, candidatesFrom(step.source, q)) === 0) continue;
    items = applyRules(pool, setup.rules, q.catalog.facts, context).items.map((r) => r.item);
    if (items.length >= setup.k) break;
  }
  return items;
}

/** For each removed history item: the new list and what left or entered it, against the live list. */
export function counterfactuals(
  setup: CounterfactualSetup,
  removed: readonly HistoryItem[],
): { live: number[]; changes: Counterfactual[] } {
  const live = rankedList(setup);
  const changes = removed.map((r): Counterfactual => {
    const list = rankedList(setup, new Set([r.item]));
    return { removed: r, list, ...diffLists(live, list) };
  });
  return { live, changes };
}

/** Items of `before` missing from `after` (with their old place) and new in `after` (new place). */
export function diffLists(
  before: readonly number[],
  after: readonly number[],
): { left: ListChange[]; entered: ListChange[] } {
  const a = new Set(after);
  const b = new Set(before);
  return {
    left: before.flatMap((item, i) => (a.has(item) ? [] : [{ item, position: i + 1 }])),
    entered: after.flatMap((item, i) => (b.has(item) ? [] : [{ item, position: i + 1 }])),
  };
}

/**
 * A later step's candidates go below everything already pooled, as the serving path's fallback
 * tiers do (lib/recommend/service.ts appendTier), so they only fill what earlier steps left.
 */
function appendBelow(pool: Candidate[], seen: Set<number>, next: Candidate[]): number {
  const fresh = next.filter((c) => !seen.has(c.item));
  let floor = Number.POSITIVE_INFINITY;
  for (const c of pool) floor = Math.min(floor, c.score);
  let max = 0;
  for (const c of fresh) max = Math.max(max, c.score);
  fresh.forEach((c, r) => {
    seen.add(c.item);
    const rel = max > 0 && c.score > 0 ? 0.1 + (0.9 * c.score) / max : 1 / (2 + r);
    const score = pool.length === 0 || !Number.isFinite(floor) ? c.score : 0.9 * Math.max(floor, 1e-9) * rel;
    pool.push({ ...c, score });
  });
  return fresh.length;
}

/** Last purchase per item for the "exclude purchased" rule, the removed items left out. */
function purchasesOf(q: SourceInput): Map<number, number> {
  const out = new Map<number, number>();
  const b = q.model?.a.buyAgain;
  const s = q.shopper;
  if (!b || s === undefined || s < 0 || s >= b.ptr.length - 1) return out;
  for (let p = b.ptr[s]!; p < b.ptr[s + 1]!; p++)
    if (!q.without?.has(b.items[p]!)) out.set(b.items[p]!, b.last[p]!);
  return out;
}
