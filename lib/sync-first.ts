/**
 * Sync-first code for the hot storefront endpoints. Their lookups (API keys, models, placements,
 * shoppers, consent…) are in-memory caches that answer synchronously on a hit and return a promise
 * only when they must read the database. An `await` on a value that is already there still costs
 * a turn of the microtask queue and, with async hooks active (Next's request storage), a hook call
 * per promise: across a dozen lookups, more than the recommendation itself. A generator that
 * `yield* wait(…)`s each lookup runs synchronously to the end while everything is cached and turns
 * into a promise at the first lookup that is not.
 */

export type MaybePromise<T> = T | Promise<T>;

/** Inside a sync-first generator: the value of a lookup, waiting only when it is a promise. */
export function* wait<T>(value: MaybePromise<T>): Generator<MaybePromise<T>, T, unknown> {
  return (yield value) as T;
}

/**
 * Runs a generator of `yield* wait(…)` steps: synchronously while every step is a plain value,
 * asynchronously from the first promise on. Errors surface as a throw in the synchronous part
 * and as a rejection after it, so callers treat the result like an async function's (`await` it,
 * or check `instanceof Promise`) and catch both.
 */
export function runSyncFirst<T>(steps: Generator<unknown, T, unknown>): MaybePromise<T> {
  let step = steps.next();
  while (!step.done) {
    if (step.value instanceof Promise) return finishAsync(steps, step.value);
    step = steps.next(step.value);
  }
  return step.value;
}

async function finishAsync<T>(steps: Generator<unknown, T, unknown>, pending: Promise<unknown>): Promise<T> {
  let step = await settle(steps, pending);
  while (!step.done) step = await settle(steps, step.value);
  return step.value;
}

/** Resumes the generator with the step's value, or throws its rejection into it. */
async function settle<T>(
  steps: Generator<unknown, T, unknown>,
  value: unknown,
): Promise<IteratorResult<unknown, T>> {
  let settled: unknown;
  try {
    settled = await value;
  } catch (error) {
    return steps.throw(error);
  }
  return steps.next(settled);
}

/** `f(value)` now when `value` is there, else once it is. (Not named `then`: a module exporting `then` is a thenable to `import()`.) */
export function afterValue<T, U>(value: MaybePromise<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}
