/**
 * Paged reads for background jobs that share the web server's thread (embedded setup). PGlite runs
 * each statement synchronously on this thread and settles its promise in the microtask queue, so a
 * loop of queries is one block however it is paged; and one statement returning 250k rows is a
 * second of parsing. These readers keep each page small (its time near a target) and give the
 * event loop back between pages, so storefront requests wait at most one page.
 */
import { yieldToEventLoop } from './yield';

/** One page and where the next one starts (null after the last page). */
export interface Page<Row, Cursor> {
  rows: Row[];
  next: Cursor | null;
}

export interface PageSizeOptions {
  /** Size asked for in the first page (rows, or whatever unit `fetch` counts). */
  limit: number;
  /** Smallest and largest size the page may adapt to (default limit / 16 and limit × 8). */
  minLimit?: number;
  maxLimit?: number;
  /**
   * Time one page may take on this thread, its fetch and the caller's work on it together, ms
   * (default 25). The size halves when a page took more than twice this and doubles when it took
   * less than half: the same code then reads a demo store and a wholesale one (20 lines an order)
   * in pages of similar duration.
   */
  targetMs?: number;
}

/** The next page size from the time the last one took. */
export function adaptLimit(limit: number, ms: number, opts: PageSizeOptions): number {
  const target = opts.targetMs ?? 25;
  const min = Math.max(1, Math.floor(opts.minLimit ?? opts.limit / 16));
  const max = Math.max(min, Math.floor(opts.maxLimit ?? opts.limit * 8));
  if (ms > 2 * target) return Math.max(min, Math.floor(limit / 2));
  if (ms < target / 2) return Math.min(max, limit * 2);
  return limit;
}

/**
 * The pages of a cursor-paginated read. `fetch(cursor, limit)` returns about `limit` units after
 * `cursor` (undefined for the first page) and the cursor of the next page, null when it was the
 * last. Yields to the event loop before each page, the first too: what the caller did before
 * (claiming the job, reading settings) is then a block of its own. The rows must not depend on
 * the page size (a keyset cursor on a unique order, a time bound that never splits equal times).
 */
export async function* cursorPages<Row, Cursor>(
  fetch: (cursor: Cursor | undefined, limit: number) => Promise<Page<Row, Cursor>>,
  opts: PageSizeOptions,
): AsyncGenerator<Row[]> {
  let cursor: Cursor | undefined;
  let limit = opts.limit;
  for (;;) {
    await yieldToEventLoop();
    const started = performance.now();
    const page = await fetch(cursor, limit);
    if (page.rows.length > 0) yield page.rows;
    if (page.next === null) return;
    cursor = page.next;
    // Measured when the caller asks for the next page: its work on this page counts too.
    limit = adaptLimit(limit, performance.now() - started, opts);
  }
}

/**
 * Keyset pagination: `fetch(after, limit)` returns at most `limit` rows ordered by a unique key
 * strictly after `after`; `keyOf` reads that key. A short page is the last. See cursorPages.
 */
export function keysetPages<Row, Key>(
  fetch: (after: Key | undefined, limit: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  opts: PageSizeOptions,
): AsyncGenerator<Row[]> {
  return cursorPages<Row, Key>(async (after, limit) => {
    const rows = await fetch(after, limit);
    return { rows, next: rows.length < limit ? null : keyOf(rows[rows.length - 1]!) };
  }, opts);
}

/**
 * `items` in slices of `size` (ids for an `in (…)` read, rows for a batched write), with a turn
 * of the event loop before each slice but the first.
 */
export async function* slicesWithTurns<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let from = 0; from < items.length; from += size) {
    if (from > 0) await yieldToEventLoop();
    yield items.slice(from, from + size);
  }
}
