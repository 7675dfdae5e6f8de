/**
 * Feedback counters (ad_arm_stats) and LinUCB observations (ad_linucb_state) added up in memory
 * and written once a second, like lib/events/counters.ts: at storefront rates one upsert per
 * impression would make the counter rows the bottleneck. The serving cache (cache.ts) adds what
 * is still pending to what it loads, so a refresh never forgets counts that are not written yet.
 * The price: a crash loses up to a second of counts, and the process must call flushAdStats()
 * before it closes the database.
 */
import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
import { type ArmDelta, addArmStats, addLinUcbDelta, type LinUcbDelta } from './queries';

interface Pending {
  exec: Executor;
  arms: Map<string, ArmDelta>;
  linucb: Map<string, LinUcbDelta>;
}

export interface AdStatsWriter {
  arms: typeof addArmStats;
  linucb: typeof addLinUcbDelta;
}

const armKey = (creativeId: string, contextKey: string) => `${creativeId}|${contextKey}`;

export class AdStatsBuffer {
  private pending = new Map<string, Pending>();
  /** The batch being written: still counted as pending until its writes finish. */
  private inFlight = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly flushMs = 1_000,
    private readonly writer: AdStatsWriter = { arms: addArmStats, linucb: addLinUcbDelta },
  ) {}

  private entry(exec: Executor, tenantId: string): Pending {
    let p = this.pending.get(tenantId);
    if (!p) {
      p = { exec, arms: new Map(), linucb: new Map() };
      this.pending.set(tenantId, p);
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.flushMs);
      this.timer.unref();
    }
    return p;
  }

  /** Adds counts to one arm × context key; they reach the database within `flushMs`. */
  addArm(exec: Executor, tenantId: string, d: ArmDelta): void {
    const arms = this.entry(exec, tenantId).arms;
    const k = armKey(d.creativeId, d.contextKey);
    const have = arms.get(k);
    if (!have) arms.set(k, { ...d });
    else {
      have.impressions += d.impressions;
      have.clicks += d.clicks;
      have.conversions += d.conversions;
    }
  }

  /**
   * Adds one LinUCB observation to an arm: `x` are the indices where the one-hot context is 1;
   * `exposure` adds x xᵀ to A (an impression), `reward` adds reward·x to b (a click/conversion).
   */
  addLinUcb(
    exec: Executor,
    tenantId: string,
    o: {
      campaignId: string;
      creativeId: string;
      dimensions: number;
      x: number[];
      exposure: boolean;
      reward: number;
    },
  ): void {
    const map = this.entry(exec, tenantId).linucb;
    const d = o.dimensions;
    let delta = map.get(o.creativeId);
    if (!delta || delta.dimensions !== d) {
      delta = {
        campaignId: o.campaignId,
        creativeId: o.creativeId,
        dimensions: d,
        dA: new Float64Array(d * d),
        dB: new Float64Array(d),
      };
      map.set(o.creativeId, delta);
    }
    for (const i of o.x) {
      delta.dB[i] = delta.dB[i]! + o.reward;
      if (o.exposure) for (const j of o.x) delta.dA[i * d + j] = delta.dA[i * d + j]! + 1;
    }
  }

  /** Counts not yet in the database for one tenant (pending and being written), by `creativeId|contextKey`. */
  pendingArms(tenantId: string): ArmDelta[] {
    return [this.inFlight.get(tenantId), this.pending.get(tenantId)].flatMap((p) =>
      p ? [...p.arms.values()] : [],
    );
  }

  /** LinUCB observations not yet in the database for one tenant. */
  pendingLinUcb(tenantId: string): LinUcbDelta[] {
    return [this.inFlight.get(tenantId), this.pending.get(tenantId)].flatMap((p) =>
      p ? [...p.linucb.values()] : [],
    );
  }

  /** Writes everything pending now. Failed writes are kept for the next flush (and logged). */
  async flush(): Promise<void> {
    await this.flushing;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending.size === 0) return;
    this.inFlight = this.pending;
    this.pending = new Map();
    this.flushing = (async () => {
      for (const [tenantId, p] of this.inFlight) {
        try {
          await this.writer.arms(p.exec, { tenantId }, [...p.arms.values()]);
          p.arms.clear();
          for (const delta of p.linucb.values()) {
            await this.writer.linucb(p.exec, { tenantId }, delta);
            p.linucb.delete(delta.creativeId);
          }
        } catch (error) {
          log('error', 'ads.stats_flush_failed', { tenantId, error });
          for (const d of p.arms.values()) this.addArm(p.exec, tenantId, d);
          const again = this.entry(p.exec, tenantId).linucb;
          for (const d of p.linucb.values()) {
            const newer = again.get(d.creativeId);
            if (newer?.dimensions === d.dimensions) {
              for (let i = 0; i < d.dA.length; i++) newer.dA[i] = newer.dA[i]! + d.dA[i]!;
              for (let i = 0; i < d.dB.length; i++) newer.dB[i] = newer.dB[i]! + d.dB[i]!;
            } else if (!newer) again.set(d.creativeId, d);
          }
        }
      }
      this.inFlight = new Map();
    })();
    await this.flushing;
    this.flushing = undefined;
  }

  /** Tenants with counts waiting to be written. */
  get size(): number {
    return this.pending.size;
  }
}

// On globalThis: the custom server's fast path and Next's bundle are two module graphs.
const g = globalThis as unknown as { __tailorAdStats?: AdStatsBuffer };
g.__tailorAdStats ??= new AdStatsBuffer();
/** The process-wide buffer the ad endpoints use. */
export const adStatsBuffer: AdStatsBuffer = g.__tailorAdStats;

/** Writes pending ad counters: call on shutdown, before the process closes the database. */
export function flushAdStats(): Promise<void> {
  return adStatsBuffer.flush();
}
