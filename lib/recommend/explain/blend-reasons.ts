/**
 * Why a blended (hybrid) item scored: its score is additive, Σ_f w_f · r_f, so each feature's
 * weighted part goes to one reason and the parts of a reason are summed. The collaborative parts
 * (item-kNN, EASE) are split between the request's own context (the product on screen, the cart and
 * the visit's views: a `session` reason) and the shopper's history (a `collaborative` reason naming
 * the seeds), in proportion to what those seeds added to the item's raw model score. Built once per
 * request from the seeds' neighbour rows: one row per seed, not a history scan per candidate.
 */
import type { RowLists } from '../train/model-artefact';
import type { Reason as ModelReason } from '../serve/recommend';
import type { ServeQuery, ServingModel } from '../serve/serving-model';

/** One reason of a blended item and the part of the score it explains (parts sum to the score). */
export interface ReasonPart {
  reason: ModelReason;
  part: number;
}

/** Adds a part to the reason under `key` (made by `reason` the first time). */
type Add = (key: string, reason: () => ModelReason, part: number) => void;

/** Seeds named per collaborative reason (the strongest first). */
const MAX_NEIGHBOURS = 3;
/** Seeds weigh as in ServingModel.spread: history 1, context 2 for kNN and 1 for EASE. */
const CONTEXT_WEIGHT = { knn: 2, ease: 1 } as const;

interface Seed {
  item: number;
  weight: number;
  /** 1-based position among the context seeds; 0 for a history seed. */
  context: number;
}

/**
 * Per returned item, what each seed added to one model's raw score (ServingModel.spread). Only the
 * returned items are recorded: one pass over the seeds' rows with a slot lookup per entry, no
 * per-candidate allocation.
 */
class SeedSupport {
  readonly seeds: Seed[] = [];
  /** Per target slot: [seed index, contribution, similarity] triples. */
  private readonly entries: number[][];
  private readonly slot: Int32Array;

  constructor(
    model: ServingModel,
    q: ServeQuery,
    lists: RowLists,
    contextWeight: number,
    targets: ArrayLike<number>,
  ) {
    this.slot = new Int32Array(model.nItems).fill(-1);
    this.entries = Array.from({ length: targets.length }, () => []);
    for (let t = 0; t < targets.length; t++) this.slot[targets[t]!] = t;
    const h = model.a.history;
    if (model.isKnown(q.shopper))
      for (let p = h.ptr[q.shopper]!; p < h.ptr[q.shopper + 1]!; p++)
        if (!q.without?.has(h.items[p]!)) this.seeds.push({ item: h.items[p]!, weight: 1, context: 0 });
    const context = [...(q.item === undefined ? [] : [q.item]), ...(q.cart ?? [])];
    context.forEach((item, i) => {
      if (item >= 0 && item < model.nItems) this.seeds.push({ item, weight: contextWeight, context: i + 1 });
    });
    const slot = this.slot;
    this.seeds.forEach((seed, s) => {
      if (seed.item >= lists.ptr.length - 1) return;
      for (let p = lists.ptr[seed.item]!; p < lists.ptr[seed.item + 1]!; p++) {
        const t = slot[lists.items[p]!] ?? -1;
        if (t < 0) continue;
        const sim = lists.scores[p]!;
        this.entries[t]!.push(s, seed.weight * sim, sim);
      }
    });
  }

  /** The item's support: positive contributions from context and history, and the seeds behind them. */
  of(item: number): { context: number; history: number; entries: number[] } {
    const t = this.slot[item] ?? -1;
    const entries = t < 0 ? [] : this.entries[t]!;
    let context = 0;
    let history = 0;
    for (let i = 0; i < entries.length; i += 3) {
      const c = Math.max(0, entries[i + 1]!);
      if (this.seeds[entries[i]!]!.context > 0) context += c;
      else history += c;
    }
    return { context, history, entries };
  }
}

/**
 * Turns the weighted parts of blended items into reasons. Construct once per request with the
 * returned items (cheap until a collaborative part needs its seeds), then call `reasonsOf` per item.
 */
export class BlendExplainer {
  private knn?: SeedSupport;
  private ease?: SeedSupport;

  constructor(
    private readonly model: ServingModel,
    private readonly q: ServeQuery,
    /** The items `reasonsOf` will be asked about (the returned list). */
    private readonly targets: ArrayLike<number>,
    /** The buy-again story of a bought item, null when the shopper never bought it. */
    private readonly buyAgain: (item: number) => ModelReason | null,
  ) {}

  /**
   * The item's reasons with their parts (features with a zero part left out; reasons of the same
   * kind summed), largest part first. Σ part equals Σ `parts` exactly, since every feature's part goes
   * to exactly one reason (or is split in two that add up to it).
   * @param parts w_f · r_f per feature, aligned with `model.a.features`.
   */
  reasonsOf(item: number, parts: Float64Array): ReasonPart[] {
    const out = new Map<string, ReasonPart>();
    const add: Add = (key, reason, part) => {
      if (part === 0) return;
      const hit = out.get(key);
      if (hit) hit.part += part;
      else out.set(key, { reason: reason(), part });
    };
    this.model.a.features.forEach((feature, f) => {
      const part = parts[f] ?? 0;
      if (part !== 0) this.addFeature(item, feature, part, add);
    });
    // Largest first; a reason that took score away (a negative learned weight) comes last.
    return [...out.values()].sort((a, b) => b.part - a.part);
  }

  /** Adds one feature's part to its reason (see the class comment for the mapping). */
  private addFeature(item: number, feature: string, part: number, add: Add): void {
    const pop = this.model.a.popularity;
    switch (feature) {
      case 'item-knn':
      case 'ease':
        this.collaborative(item, feature, part, add);
        break;
      case 'buy-again':
      case 'bought-before':
      case 'purchases':
      case 'purchase-recency': {
        const r = this.buyAgain(item);
        if (r) add('buy_again', () => r, part);
        else add('for_you', () => forYouReason(feature), part);
        break;
      }
      case 'content': {
        const seed = this.q.contentSeed?.(item) ?? null;
        if (!seed) add('for_you', () => forYouReason(feature), part);
        else
          add(
            'content',
            () => ({
              type: 'content',
              to: this.model.a.itemIds[seed.item] ?? '',
              similarity: seed.similarity,
            }),
            part,
          );
        break;
      }
      case 'recent-popular':
        add('recent', () => ({ type: 'popular', windowDays: pop.recentWindowDays }), part);
        break;
      case 'decayed-popular':
        add(
          'decayed',
          () => ({ type: 'trending', country: null, halfLifeDays: pop.decayedHalfLifeDays }),
          part,
        );
        break;
      case 'popularity':
        add('prior', () => ({ type: 'popular', windowDays: null }), part);
        break;
      default:
        add('for_you', () => forYouReason(feature), part);
    }
  }

  private collaborative(item: number, feature: 'item-knn' | 'ease', part: number, add: Add): void {
    const name = feature === 'item-knn' ? 'knn' : 'ease';
    let support = this[name];
    if (!support) {
      const lists = name === 'knn' ? this.model.a.knn : this.model.a.ease;
      support = new SeedSupport(this.model, this.q, lists, CONTEXT_WEIGHT[name], this.targets);
      this[name] = support;
    }
    const { context, history, entries } = support.of(item);
    const total = context + history;
    const contextShare = total > 0 ? context / total : 0;
    const seeds = support.seeds;
    if (contextShare > 0) {
      let best = -1;
      for (let i = 0; i < entries.length; i += 3) {
        const s = entries[i]!;
        if (seeds[s]!.context > 0 && (best < 0 || entries[i + 1]! > entries[best + 1]!)) best = i;
      }
      const seed = seeds[entries[best]!]!;
      const id = this.model.a.itemIds[seed.item] ?? '';
      add(`session:${id}`, () => ({ type: 'session', id, position: seed.context }), part * contextShare);
    }
    if (contextShare >= 1) return;
    add(
      'collaborative',
      () => ({ type: 'collaborative', neighbours: this.neighbours(entries, seeds) }),
      part * (1 - contextShare),
    );
  }

  /** The history seeds that added most to the item, up to MAX_NEIGHBOURS, with their similarity. */
  private neighbours(entries: number[], seeds: Seed[]): { id: string; weight: number }[] {
    const best = new Map<number, { contribution: number; sim: number }>();
    for (let i = 0; i < entries.length; i += 3) {
      const seed = seeds[entries[i]!]!;
      if (seed.context > 0 || entries[i + 1]! <= 0) continue;
      const cur = best.get(seed.item);
      if (!cur || entries[i + 1]! > cur.contribution)
        best.set(seed.item, { contribution: entries[i + 1]!, sim: entries[i + 2]! });
    }
    return [...best]
      .sort((a, b) => b[1].contribution - a[1].contribution || a[0] - b[0])
      .slice(0, MAX_NEIGHBOURS)
      .map(([item, b]) => ({ id: this.model.a.itemIds[item] ?? '', weight: b.sim }));
  }
}

const forYouReason = (feature: string): ModelReason => ({ type: 'for_you', feature });
