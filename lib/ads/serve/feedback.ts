/**
 * Counting one piece of storefront feedback (impression, click, conversion) for a verified
 * decision token: once per token and type (a bounded in-memory set: a page that reports twice, or
 * a replayed beacon, counts once), into the in-memory counters at once (the next decision sees
 * it) and into the stats buffer (the database within a second). Counters go to the all-traffic
 * context '' and to the token's own context ('segment:<id>' or 'exp:<id>'); LinUCB learns from
 * the impression (A += x xᵀ) and from the campaign's reward event (b += x).
 */
import type { Executor } from '@/db/client';
import { createLinUcbState, updateLinUcb } from '@/lib/ads/bandit/linucb';
import { type AdServingState, type ArmCounter, counterKey } from './cache';
import type { AdStatsBuffer } from './stats-buffer';
import type { AdTokenPayload } from './token';

export const FEEDBACK_TYPES = ['impression', 'click', 'conversion'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/** A set that forgets its oldest entries past `max` (Map keeps insertion order). */
export class BoundedSet {
  private readonly seen = new Map<string, true>();
  constructor(private readonly max = 200_000) {}

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, true);
    if (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}

const g = globalThis as unknown as { __tailorAdFeedbackSeen?: BoundedSet };
g.__tailorAdFeedbackSeen ??= new BoundedSet();
/** The process-wide dedupe set (the fast path and Next's bundle share it). */
export const feedbackSeen: BoundedSet = g.__tailorAdFeedbackSeen;

function bump(state: AdServingState, creativeId: string, contextKey: string, d: ArmCounter): void {
  const k = counterKey(creativeId, contextKey);
  const c = state.counters.get(k) ?? { impressions: 0, clicks: 0, conversions: 0 };
  c.impressions += d.impressions;
  c.clicks += d.clicks;
  c.conversions += d.conversions;
  state.counters.set(k, c);
}

/**
 * Records one feedback event of a verified token in memory and in the buffer.
 * @param state the tenant's serving state (its campaign says which event is LinUCB's reward)
 */
export function recordFeedback(
  exec: Executor,
  state: AdServingState,
  buffer: AdStatsBuffer,
  token: AdTokenPayload,
  type: FeedbackType,
): void {
  const delta: ArmCounter = {
    impressions: type === 'impression' ? 1 : 0,
    clicks: type === 'click' ? 1 : 0,
    conversions: type === 'conversion' ? 1 : 0,
  };
  const contexts = token.contextKey === '' ? [''] : ['', token.contextKey];
  for (const contextKey of contexts) {
    bump(state, token.creativeId, contextKey, delta);
    buffer.addArm(exec, token.tenantId, {
      campaignId: token.campaignId,
      creativeId: token.creativeId,
      contextKey,
      ...delta,
    });
  }
  if (!token.x || token.d === undefined) return;
  let reward = 'click';
  for (const list of state.byPlacement.values()) {
    const c = list.find((x) => x.id === token.campaignId);
    if (c) reward = c.optimization.reward;
  }
  const exposure = type === 'impression';
  const rewarded = type === reward;
  if (!exposure && !rewarded) return;
  const d = token.d;
  const x = new Float64Array(d);
  for (const i of token.x) x[i] = 1;
  let s = state.linucb.get(token.creativeId);
  if (!s || s.dimensions !== d) {
    s = createLinUcbState(d);
    state.linucb.set(token.creativeId, s);
  }
  if (exposure) updateLinUcb(s, x, 0);
  if (rewarded) for (const i of token.x) s.b[i] = s.b[i]! + 1;
  buffer.addLinUcb(exec, token.tenantId, {
    campaignId: token.campaignId,
    creativeId: token.creativeId,
    dimensions: d,
    x: token.x,
    exposure,
    reward: rewarded ? 1 : 0,
  });
}
