import { describe, expect, it } from 'vitest';
import { seededRandom } from '../eval/metrics';
import { SimilarityRows } from './content-rows';
import { MemoryBudget } from './memory-budget';
import { randomUnitVectors } from './test-vectors';

describe('MemoryBudget', () => {
  it('counts every share against one limit and takes back what a cleared share held', () => {
    const budget = new MemoryBudget(100);
    const a = budget.share({});
    const b = budget.share({});
    expect(a.take(60)).toBe(true);
    expect(b.take(50)).toBe(false); // 110 > 100: nothing counted
    expect(b.take(40)).toBe(true);
    expect(budget.used).toBe(100);
    a.releaseAll();
    expect(budget.used).toBe(40);
    expect(b.take(60)).toBe(true);
    expect(b.bytes).toBe(100);
  });

  it('admits into a cache until its own cap, then starts it over; refuses when the process has no room', () => {
    const budget = new MemoryBudget(100);
    const other = budget.share({});
    const cache = budget.share({});
    let cleared = 0;
    const clear = () => cleared++;
    expect(cache.admit(30, 50, clear)).toBe(true);
    expect(cache.admit(30, 50, clear)).toBe(true); // 60 > 50: started over with these 30
    expect(cleared).toBe(1);
    expect(cache.bytes).toBe(30);
    expect(other.take(70)).toBe(true);
    expect(cache.admit(40, 50, clear)).toBe(false); // over its cap, and the emptied cache finds no room
    expect(cleared).toBe(2);
    expect(cache.bytes).toBe(0);
    expect(budget.used).toBe(70);
  });

  it('stops a tenant’s similarity rows at the process-wide limit; history parts are still answered', () => {
    const cv = randomUnitVectors(seededRandom(2), 50, 8, () => true);
    const rowBytes = 50 * 4;
    const budget = new MemoryBudget(3 * rowBytes);
    const rows = new SimilarityRows(cv, budget);
    for (let i = 0; i < 5; i++) rows.compute(i);
    expect(rows.size).toBe(3);
    expect(rows.compute(4)).toBeNull();
    expect(budget.used).toBe(3 * rowBytes);
    // No room left for a history part: it is built and answered, not kept.
    const part = rows.history('v1:7', () => ({
      t0: 0,
      halfLifeMs: 1,
      purchases: new Float64Array(50),
      views: new Float64Array(50),
      pp: 0,
      pv: 0,
      vv: 0,
      items: Int32Array.of(1),
    }));
    expect(part.items[0]).toBe(1);
    expect(rows.historyCount).toBe(0);
  });
});
