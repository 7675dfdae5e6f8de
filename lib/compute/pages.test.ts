import { describe, expect, it } from 'vitest';
import { adaptLimit, cursorPages, keysetPages, slicesWithTurns } from './pages';

/** A table of rows with unique ids, read like `where id > after order by id limit n`. */
const table = Array.from({ length: 103 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}`, n: i }));
const select = async (after: string | undefined, limit: number) =>
  table.filter((r) => after === undefined || r.id > after).slice(0, limit);

/** Counts the event-loop turns (timer callbacks) while `run` goes. */
async function withTurns<T>(run: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let on = true;
  const tick = () => {
    turns++;
    if (on) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const value = await run();
  on = false;
  return { value, turns };
}

describe('keysetPages', () => {
  it('returns the rows of one query, in order, whatever the page size', async () => {
    for (const limit of [1, 7, 50, 103, 500]) {
      const rows: typeof table = [];
      for await (const page of keysetPages(select, (r) => r.id, { limit })) rows.push(...page);
      expect(rows).toEqual(table);
    }
  });

  it('gives the event loop a turn between pages, so timers run while it reads', async () => {
    const { value: pages, turns } = await withTurns(async () => {
      let n = 0;
      for await (const _ of keysetPages(select, (r) => r.id, { limit: 10, maxLimit: 10 })) n++;
      return n;
    });
    expect(pages).toBe(11);
    expect(turns).toBeGreaterThanOrEqual(pages);
  });

  it('ends after a short page without asking for another, and yields nothing for no rows', async () => {
    const asked: (string | undefined)[] = [];
    const fetch = async (after: string | undefined, limit: number) => {
      asked.push(after);
      return select(after, limit);
    };
    const pages: number[] = [];
    for await (const page of keysetPages(fetch, (r) => r.id, { limit: 60, maxLimit: 60 }))
      pages.push(page.length);
    expect(pages).toEqual([60, 43]);
    expect(asked).toEqual([undefined, 'r059']);
    const none: unknown[] = [];
    for await (const page of keysetPages(
      async () => [],
      (r: { id: string }) => r.id,
      { limit: 5 },
    ))
      none.push(page);
    expect(none).toEqual([]);
  });
});

describe('cursorPages', () => {
  it('follows the cursor until it is null', async () => {
    const seen: number[][] = [];
    const fetch = async (cursor: number | undefined, limit: number) => {
      const from = cursor ?? 0;
      const rows = Array.from({ length: Math.min(limit, 25 - from) }, (_, i) => from + i);
      return { rows, next: from + rows.length < 25 ? from + rows.length : null };
    };
    for await (const page of cursorPages(fetch, { limit: 10, maxLimit: 10 })) seen.push(page);
    expect(seen.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(seen.map((p) => p.length)).toEqual([10, 10, 5]);
  });
});

describe('adaptLimit', () => {
  it('halves a slow page, doubles a quick one, within bounds', () => {
    const opts = { limit: 1_000, targetMs: 20, minLimit: 100, maxLimit: 4_000 };
    expect(adaptLimit(1_000, 50, opts)).toBe(500);
    expect(adaptLimit(1_000, 5, opts)).toBe(2_000);
    expect(adaptLimit(1_000, 20, opts)).toBe(1_000);
    expect(adaptLimit(150, 500, opts)).toBe(100);
    expect(adaptLimit(3_000, 1, opts)).toBe(4_000);
  });
});

describe('slicesWithTurns', () => {
  it('gives every item once, in order, in slices of the size, with a turn between slices', async () => {
    const { value: slices, turns } = await withTurns(async () => {
      const out: (typeof table)[] = [];
      for await (const slice of slicesWithTurns(table, 25)) out.push(slice);
      return out;
    });
    expect(slices.map((x) => x.length)).toEqual([25, 25, 25, 25, 3]);
    expect(slices.flat()).toEqual(table);
    expect(turns).toBeGreaterThanOrEqual(slices.length - 1);
    const none: unknown[] = [];
    for await (const slice of slicesWithTurns([], 10)) none.push(slice);
    expect(none).toEqual([]);
  });
});
