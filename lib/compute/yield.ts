/**
 * Giving the event loop back during background work. In the embedded setup jobs run on the web
 * server's thread, and an `await` on the embedded database never lets a timer or a request in:
 * PGlite answers synchronously, so the promise settles in the microtask queue and a loop over
 * fifty queries is one uninterrupted block. Only a macrotask boundary lets queued requests run.
 */

/**
 * Resolves on a later turn of the event loop, after the I/O and timers already due. A timer, not
 * `setImmediate`: an immediate queued from the poll phase runs in the same turn's check phase,
 * before any timer, so two pages of work could run back to back with only I/O between them
 * (and the loop watch, a timer, saw one block). The price is about a millisecond per yield.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A time budget for a long synchronous loop: `due()` is a cheap check to make every few
 * iterations, `yield()` gives the loop back and starts a new slice. Yielding on every iteration
 * would cost a macrotask each; this yields about once per `sliceMs`.
 */
export class LoopSlicer {
  private started = performance.now();

  constructor(private readonly sliceMs = 20) {}

  /** True once the current slice has run for `sliceMs`. */
  due(): boolean {
    return performance.now() - this.started >= this.sliceMs;
  }

  /** Yields to the event loop and starts a new slice. */
  async yield(): Promise<void> {
    await yieldToEventLoop();
    this.started = performance.now();
  }

  /** Yields when the slice is used up; otherwise resolves at once. */
  async maybeYield(): Promise<void> {
    if (this.due()) await this.yield();
  }
}
