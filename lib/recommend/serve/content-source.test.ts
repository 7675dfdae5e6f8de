import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../eval/metrics';
import { STORE, STORE_CUTOFF, syntheticStore } from '../test-store';
import { fitModel } from '../train/fit';
import type { ModelArtefact } from '../train/model-artefact';
import { alignCatalog } from './catalog-cache';
import type { TopSelection } from '../matrix/select';
import type { Ranked } from '../types';
import type { ContentVectors } from './content';
import { similarityRowsOf } from './content-rows';
import { contentComponent } from './content-source';
import { ServingModel } from './serving-model';
import { randomUnitVectors } from './test-vectors';
import type { SourceInput } from './sources';

let artefact: ModelArtefact;
beforeAll(async () => {
  artefact = (await fitModel(syntheticStore(), { asOf: STORE_CUTOFF })).artefact;
});

describe('the hybrid’s content component', () => {
  it('answers from a kept history part (visit from rows or a pass) exactly as from a scan of all seeds', () => {
    const rand = seededRandom(23);
    const model = new ServingModel(artefact, 'v', 1, 0);
    const scanned = randomUnitVectors(seededRandom(9), model.nItems, 24, (i) => i % 11 !== 5, 0.4);
    const fast = { ...scanned };
    const rows = similarityRowsOf(fast);
    for (let i = 0; i < model.nItems; i++) rows.compute(i);
    const catalog = alignCatalog([], model.a.itemIds);
    let compared = 0;
    for (let run = 0; run < 40; run++) {
      const shopper = Math.floor(rand() * STORE.shoppers);
      if (!model.isKnown(shopper)) continue;
      const pick = () => Math.floor(rand() * model.nItems);
      const input = (content: ContentVectors): SourceInput => ({
        model,
        catalog,
        shopper,
        country: null,
        item: rand() < 0.3 ? pick() : undefined,
        cart: rand() < 0.5 ? [pick()] : [],
        now: STORE_CUTOFF + rand() * 30 * 86_400_000,
        k: 20,
        bestSellers: [],
        recent: rand() < 0.7 ? [pick(), pick()] : [],
        content,
        explain: false,
      });
      const base = input(scanned);
      // With explanations the component scans all the seeds (it names each hit's seed): the reference.
      const wanted = scoresOf(contentComponent({ ...base, explain: true }, true, model.nItems).content!(25));
      // The scan ranks; the hot path selects the same set at the same scores (read at once: a
      // selection is a view into scratch that the next one reuses).
      const got = scoresOf(contentComponent(base, true, model.nItems).content!(25));
      const withRows = scoresOf(
        contentComponent({ ...base, content: fast }, true, model.nItems).content!(25),
      );
      for (const answer of [got, withRows]) {
        expect([...answer.keys()].sort((x, y) => x - y)).toEqual([...wanted.keys()].sort((x, y) => x - y));
        for (const [item, s] of wanted) expect(answer.get(item)).toBeCloseTo(s, 5);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    // The fast set kept one history part per shopper asked about.
    expect(rows.historyCount).toBeGreaterThan(0);
  });
});

/** A component's candidates, ranked or selected, as item → score. */
function scoresOf(answer: Ranked | TopSelection): Map<number, number> {
  const n = 'count' in answer ? answer.count : answer.items.length;
  return new Map(Array.from(answer.items.subarray(0, n), (item, t) => [item, answer.scores[t]!]));
}
