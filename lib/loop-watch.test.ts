import { describe, expect, it } from 'vitest';
import { watchEventLoop } from './loop-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // synchronous work: nothing else runs on this thread meanwhile
  }
}

describe('watchEventLoop', () => {
  it('reports a synchronous block longer than the threshold, and nothing while the loop is free', async () => {
    const stalls: { ms: number; jobs: string[] }[] = [];
    const stop = watchEventLoop({ thresholdMs: 300, intervalMs: 20, onStall: (s) => stalls.push(s) });
    try {
      await sleep(120);
      expect(stalls).toEqual([]);
      blockFor(700);
      await sleep(80);
      expect(stalls).toHaveLength(1);
      expect(stalls[0]!.ms).toBeGreaterThanOrEqual(300);
      expect(stalls[0]!.jobs).toEqual([]); // no job runner in this process
    } finally {
      stop();
    }
    blockFor(500);
    await sleep(60);
    expect(stalls).toHaveLength(1); // stopped: no more reports
  });
});
