import { describe, expect, it } from 'vitest';
import { LoopSlicer, yieldToEventLoop } from './yield';

describe('yieldToEventLoop', () => {
  it('lets a timer that is due run before it resolves', async () => {
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 0);
    const started = performance.now();
    while (performance.now() - started < 5) {} // the timer is due now
    await yieldToEventLoop();
    expect(fired).toBe(true);
  });
});

describe('LoopSlicer', () => {
  it('is due once its slice has run, and starts a new slice after yielding', async () => {
    const slicer = new LoopSlicer(5);
    expect(slicer.due()).toBe(false);
    const started = performance.now();
    while (performance.now() - started < 6) {}
    expect(slicer.due()).toBe(true);
    await slicer.maybeYield();
    expect(slicer.due()).toBe(false);
  });
});
