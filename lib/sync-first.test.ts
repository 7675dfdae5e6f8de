import { describe, expect, it } from 'vitest';
import { runSyncFirst, wait } from './sync-first';

function* sum(a: number | Promise<number>, b: number | Promise<number>) {
  const x = yield* wait(a);
  const y = yield* wait(b);
  return x + y;
}

describe('runSyncFirst', () => {
  it('answers synchronously while every step is a plain value', () => {
    expect(runSyncFirst(sum(1, 2))).toBe(3);
  });

  it('turns into a promise at the first pending step and keeps the same result', async () => {
    const r = runSyncFirst(sum(1, Promise.resolve(2)));
    expect(r).toBeInstanceOf(Promise);
    expect(await r).toBe(3);
    expect(await runSyncFirst(sum(Promise.resolve(5), 2))).toBe(7);
  });

  it('throws synchronously before the first promise, rejects after it', async () => {
    function* failing(first: number | Promise<number>) {
      yield* wait(first);
      throw new Error('boom');
    }
    expect(() => runSyncFirst(failing(1))).toThrow('boom');
    await expect(runSyncFirst(failing(Promise.resolve(1)))).rejects.toThrow('boom');
  });

  it('throws a rejected step into the generator, where it can be caught', async () => {
    function* guarded() {
      try {
        return yield* wait(Promise.reject<number>(new Error('no')));
      } catch (e) {
        return `caught ${(e as Error).message}`;
      }
    }
    expect(await runSyncFirst(guarded())).toBe('caught no');
    function* unguarded() {
      return yield* wait(Promise.reject<number>(new Error('lost')));
    }
    await expect(runSyncFirst(unguarded())).rejects.toThrow('lost');
  });
});
