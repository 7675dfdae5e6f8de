// The ad stats buffer: merging per arm and context, LinUCB deltas, pending counts for the cache,
// and keeping counts across a failed write.
import { describe, expect, it } from 'vitest';
import type { Executor } from '@/db/client';
import type { ArmDelta, LinUcbDelta } from './queries';
import { AdStatsBuffer } from './stats-buffer';

const exec = {} as Executor;
const arm = (creativeId: string, contextKey: string, impressions: number, clicks = 0): ArmDelta => ({
  campaignId: 'c',
  creativeId,
  contextKey,
  impressions,
  clicks,
  conversions: 0,
});

function recorder(failFirst = false) {
  const arms: ArmDelta[][] = [];
  const lin: LinUcbDelta[] = [];
  let fail = failFirst;
  return {
    arms,
    lin,
    writer: {
      arms: async (_e: Executor, _t: { tenantId: string }, d: ArmDelta[]) => {
        if (fail) {
          fail = false;
          throw new Error('database away');
        }
        arms.push(d.map((x) => ({ ...x })));
      },
      linucb: async (_e: Executor, _t: { tenantId: string }, d: LinUcbDelta) => {
        lin.push(d);
      },
    },
  };
}

describe('AdStatsBuffer', () => {
  it('adds up counts per arm and context and writes them in one batch per tenant', async () => {
    const r = recorder();
    const buf = new AdStatsBuffer(60_000, r.writer);
    buf.addArm(exec, 't1', arm('a', '', 1));
    buf.addArm(exec, 't1', arm('a', '', 1, 1));
    buf.addArm(exec, 't1', arm('a', 'segment:s', 1));
    buf.addArm(exec, 't2', arm('b', '', 1));
    expect(buf.pendingArms('t1').map((d) => [d.creativeId, d.contextKey, d.impressions, d.clicks])).toEqual([
      ['a', '', 2, 1],
      ['a', 'segment:s', 1, 0],
    ]);
    await buf.flush();
    expect(r.arms).toHaveLength(2);
    expect(buf.pendingArms('t1')).toEqual([]);
    expect(buf.size).toBe(0);
  });

  it('accumulates LinUCB exposure (x xᵀ) and reward (x) per arm', async () => {
    const r = recorder();
    const buf = new AdStatsBuffer(60_000, r.writer);
    const o = { campaignId: 'c', creativeId: 'a', dimensions: 3 };
    buf.addLinUcb(exec, 't', { ...o, x: [0, 2], exposure: true, reward: 0 });
    buf.addLinUcb(exec, 't', { ...o, x: [0, 2], exposure: false, reward: 1 });
    await buf.flush();
    expect(Array.from(r.lin[0]!.dA)).toEqual([1, 0, 1, 0, 0, 0, 1, 0, 1]);
    expect(Array.from(r.lin[0]!.dB)).toEqual([1, 0, 1]);
  });

  it('keeps the counts of a failed write for the next flush', async () => {
    const r = recorder(true);
    const buf = new AdStatsBuffer(60_000, r.writer);
    buf.addArm(exec, 't', arm('a', '', 3));
    await buf.flush();
    expect(r.arms).toHaveLength(0);
    expect(buf.pendingArms('t')[0]?.impressions).toBe(3);
    buf.addArm(exec, 't', arm('a', '', 2));
    await buf.flush();
    expect(r.arms).toEqual([[arm('a', '', 5)]]);
  });
});
