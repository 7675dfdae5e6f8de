/**
 * Exposure-aware re-ranking (issue 8, "Mitigation"): cuts a scored candidate list (best first) to
 * k while (1) calibrating it to the shopper's category mix (Steck 2018, "Calibrated
 * recommendations": greedy max of (1−λ)·Σ relevance − λ·KL(p‖q̃)) and (2) guaranteeing floors —
 * at least ceil(floor·k) slots for new products and for small brands when such candidates exist —
 * by promoting the best protected candidates into the lowest unpinned slots. Pinned slots never
 * move; everything not promoted keeps its relative order. Pure and allocation-light: it runs in
 * the storefront's request path when a merchant switches a mitigation on.
 */

export type FairnessPolicy = 'new_items' | 'small_brands' | 'calibration';

export interface RerankCandidate {
  item: number;
  /** Higher is better; only its order and its ratio to the best score matter. */
  score: number;
  /** A merchant's pin: keeps its index when that index is inside k. */
  pinned?: boolean;
}

/** What the re-ranker needs to know about an item (a catalog index). */
export interface RerankFacts {
  isNew(item: number): boolean;
  isSmallBrand(item: number): boolean;
  /** Category id (−1: none, a category of its own for calibration). */
  category(item: number): number;
  /** Brand id (−1: none, never capped); only read when `maxPerBrand` is set. */
  brand?(item: number): number;
}

export interface RerankOptions {
  k: number;
  /** Shares 0..1 of the k slots. */
  newItemFloor: number;
  smallBrandFloor: number;
  /** λ in 0..1: 0 = off, 1 = only the category mix matters. */
  calibration: number;
  /** The shopper's category mix p (category id → share, summing to 1); empty or null: no calibration. */
  profile?: ReadonlyMap<number, number> | null;
  /** Diversity caps of the placement, kept while promoting. */
  maxPerCategory?: number;
  maxPerBrand?: number;
}

export interface RerankSlot {
  /** Index into the candidates. */
  index: number;
  /** Why this item is in the list although a higher-scoring one is not; null when unmoved. */
  policy: FairnessPolicy | null;
}

/** Smoothing of the list's mix q̃ = (1−α)·q + α·p, so KL stays finite (Steck's α). */
export const CALIBRATION_ALPHA = 0.01;

/** True when no mitigation would change a list (the serving path then does nothing extra). */
export function mitigationOff(
  o: Pick<RerankOptions, 'newItemFloor' | 'smallBrandFloor' | 'calibration'>,
): boolean {
  return !(o.newItemFloor > 0) && !(o.smallBrandFloor > 0) && !(o.calibration > 0);
}

/**
 * KL(p‖q̃) in nats of a list whose items have `categories`, against the mix `p`, with q̃ smoothed by
 * α. 0 for an empty profile; larger = the list's mix is further from the shopper's.
 */
export function miscalibration(
  p: ReadonlyMap<number, number>,
  categories: readonly number[],
  alpha = CALIBRATION_ALPHA,
): number {
  if (p.size === 0) return 0;
  const q = new Map<number, number>();
  for (const c of categories) q.set(c, (q.get(c) ?? 0) + 1);
  const n = categories.length;
  let kl = 0;
  for (const [c, pc] of p) {
    if (!(pc > 0)) continue;
    const qc = (1 - alpha) * (n > 0 ? (q.get(c) ?? 0) / n : 0) + alpha * pc;
    kl += pc * Math.log(pc / qc);
  }
  return kl;
}

/**
 * The re-ranked list of at most k slots. With every mitigation off (or calibration only and no
 * profile) it is exactly the first k candidates, unmoved. @throws RangeError for k < 1.
 */
export function rerank(
  candidates: readonly RerankCandidate[],
  facts: RerankFacts,
  o: RerankOptions,
): RerankSlot[] {
  if (!(o.k >= 1)) throw new RangeError(`k must be at least 1, got ${o.k}`);
  const length = Math.min(o.k, candidates.length);
  const calibrate = o.calibration > 0 && o.profile != null && o.profile.size > 0;
  const unmoved = () => Array.from({ length }, (_, index) => ({ index, policy: null }));
  if (!calibrate && !(o.newItemFloor > 0) && !(o.smallBrandFloor > 0)) return unmoved();

  const fixed = new Map<number, number>(); // slot → candidate index
  const free: number[] = [];
  candidates.forEach((c, i) => {
    if (c.pinned && i < length) fixed.set(i, i);
    else free.push(i);
  });
  const room = length - fixed.size;
  const policy = new Map<number, FairnessPolicy>();
  const caps = new Caps(candidates, facts, o, [...fixed.values()]);

  const chosen = calibrate
    ? calibrated(candidates, facts, o, free, room, [...fixed.values()], caps)
    : free.slice(0, room);
  if (calibrate) {
    const top = new Set(free.slice(0, room));
    for (const i of chosen) if (!top.has(i)) policy.set(i, 'calibration');
  }
  caps.reset(chosen);
  const floors: [FairnessPolicy, number, (item: number) => boolean][] = [
    ['new_items', o.newItemFloor, (j) => facts.isNew(j)],
    ['small_brands', o.smallBrandFloor, (j) => facts.isSmallBrand(j)],
  ];
  const kept: ((i: number) => boolean)[] = [];
  for (const [name, floor, protectedItem] of floors) {
    if (!(floor > 0)) continue;
    const need = Math.min(length, Math.ceil(floor * o.k - 1e-9));
    const isProtected = (i: number) => protectedItem(candidates[i]!.item);
    let have = [...fixed.values(), ...chosen].filter(isProtected).length;
    const inList = new Set(chosen);
    for (let x = 0; x < free.length && have < need; x++) {
      const cand = free[x]!;
      if (inList.has(cand) || !isProtected(cand)) continue;
      // The lowest slot whose item this floor and the floors already met can spare.
      let victim = -1;
      for (let s = chosen.length - 1; s >= 0; s--) {
        const i = chosen[s]!;
        if (!isProtected(i) && !policy.has(i) && kept.every((keep) => keep(i))) {
          victim = s;
          break;
        }
      }
      if (victim < 0) break;
      if (!caps.allows(cand, chosen[victim]!)) continue;
      caps.swap(chosen[victim]!, cand);
      inList.delete(chosen[victim]!);
      inList.add(cand);
      chosen[victim] = cand;
      policy.set(cand, name);
      have++;
    }
    // An item protected by a met floor may still leave when a later floor needs its slot, unless
    // that would take this floor below its minimum.
    kept.push((i) => !isProtected(i) || [...fixed.values(), ...chosen].filter(isProtected).length > need);
  }

  const out: RerankSlot[] = [];
  let next = 0;
  for (let s = 0; out.length < fixed.size + chosen.length; s++) {
    const pinned = fixed.get(s);
    const index = pinned ?? chosen[next++];
    if (index === undefined) break;
    out.push({ index, policy: policy.get(index) ?? null });
  }
  return out;
}

/**
 * Steck's greedy selection of `room` items from `free`: each step adds the candidate that
 * maximises (1−λ)·Σ rel − λ·KL(p‖q̃) of the list so far (pins included in q). Relevance is the
 * score over the best free score, so λ means the same for every model. The result keeps the
 * candidates' order (calibration decides which items are shown, scores decide where).
 */
function calibrated(
  candidates: readonly RerankCandidate[],
  facts: RerankFacts,
  o: RerankOptions,
  free: readonly number[],
  room: number,
  pins: readonly number[],
  caps: Caps,
): number[] {
  const lambda = Math.min(1, o.calibration);
  const p = o.profile!;
  let best = 0;
  for (const i of free) best = Math.max(best, candidates[i]!.score);
  const rel = (i: number, r: number) => (best > 0 ? Math.max(0, candidates[i]!.score) / best : 1 / (1 + r));
  const cats = pins.map((i) => facts.category(candidates[i]!.item));
  const taken = new Uint8Array(candidates.length);
  const picked: number[] = [];
  let relSum = 0;
  caps.reset([]);
  while (picked.length < room) {
    let arg = -1;
    let argValue = Number.NEGATIVE_INFINITY;
    free.forEach((i, r) => {
      if (taken[i] || !caps.allows(i, -1)) return;
      cats.push(facts.category(candidates[i]!.item));
      const value = (1 - lambda) * (relSum + rel(i, r)) - lambda * miscalibration(p, cats);
      cats.pop();
      if (value > argValue) {
        argValue = value;
        arg = i;
      }
    });
    if (arg < 0) break;
    taken[arg] = 1;
    picked.push(arg);
    caps.swap(-1, arg);
    cats.push(facts.category(candidates[arg]!.item));
    relSum += rel(arg, free.indexOf(arg));
  }
  return picked.sort((a, b) => a - b);
}

/** Per-category and per-brand counts of the list, so a promotion never breaks a diversity cap. */
class Caps {
  private readonly cat = new Map<number, number>();
  private readonly brand = new Map<number, number>();
  constructor(
    private readonly candidates: readonly RerankCandidate[],
    private readonly facts: RerankFacts,
    private readonly o: RerankOptions,
    private readonly pins: readonly number[],
  ) {}
  private keys(i: number): [number, number] {
    const item = this.candidates[i]!.item;
    return [this.facts.category(item), this.o.maxPerBrand ? (this.facts.brand?.(item) ?? -1) : -1];
  }
  reset(list: readonly number[]): void {
    this.cat.clear();
    this.brand.clear();
    for (const i of [...this.pins, ...list]) this.swap(-1, i);
  }
  /** Whether `add` fits once `remove` (−1: nothing) leaves. Items without a category/brand are never capped. */
  allows(add: number, remove: number): boolean {
    const [c, b] = this.keys(add);
    const [rc, rb] = remove >= 0 ? this.keys(remove) : [-2, -2];
    const catOk =
      c < 0 || !this.o.maxPerCategory || (this.cat.get(c) ?? 0) - (rc === c ? 1 : 0) < this.o.maxPerCategory;
    const brandOk =
      b < 0 || !this.o.maxPerBrand || (this.brand.get(b) ?? 0) - (rb === b ? 1 : 0) < this.o.maxPerBrand;
    return catOk && brandOk;
  }
  swap(remove: number, add: number): void {
    if (remove >= 0) {
      const [c, b] = this.keys(remove);
      this.cat.set(c, (this.cat.get(c) ?? 0) - 1);
      this.brand.set(b, (this.brand.get(b) ?? 0) - 1);
    }
    const [c, b] = this.keys(add);
    this.cat.set(c, (this.cat.get(c) ?? 0) + 1);
    this.brand.set(b, (this.brand.get(b) ?? 0) + 1);
  }
}
