/**
 * Auto-pause at serve time (the rule is lib/ads/bandit/autopause.ts): per group of competing
 * creatives of a campaign (same segment and locale), on the all-traffic counters, a creative that
 * had its 500 impressions and is almost surely not the best is paused in the database (with the
 * reason the dashboard shows) and leaves the live state at once. Creatives in a running experiment
 * are left alone: the experiment decides about them. Run by every reload of the serving cache,
 * at most once a minute per campaign (the Monte Carlo costs a few ms per group), and at once
 * after an invalidation (a merchant's change).
 */
import type { Executor } from '@/db/client';
import { armsToPause } from '@/lib/ads/bandit/autopause';
import { log } from '@/lib/log';
import type { ArmCounter, LiveCampaign, LiveCreative } from './cache';
import { pauseCreatives } from './queries';

/** How often auto-pause looks at a campaign's counters, in ms. */
export const AUTO_PAUSE_EVERY_MS = 60_000;
const lastCheck = new Map<string, { at: number; version: number }>();

/**
 * Pauses the clear losers of a live campaign (mutating `c.creatives`).
 * @param counters the all-traffic counters of a creative
 * @param version the tenant's serving-cache version (a change makes the check run again at once)
 */
export async function applyAutoPause(
  exec: Executor,
  tenantId: string,
  c: LiveCampaign,
  counters: (creativeId: string) => ArmCounter,
  version: number,
): Promise<void> {
  if (!c.optimization.autoPause) return;
  const key = `${tenantId}:${c.id}`;
  const last = lastCheck.get(key);
  if (last && last.version === version && Date.now() - last.at < AUTO_PAUSE_EVERY_MS) return;
  lastCheck.set(key, { at: Date.now(), version });
  const inExperiment = new Set(c.experiments.flatMap((e) => e.creativeIds));
  const groups = new Map<string, LiveCreative[]>();
  for (const cr of c.creatives) {
    if (inExperiment.has(cr.id)) continue;
    const k = `${cr.segmentId ?? ''}|${cr.locale}`;
    groups.set(k, [...(groups.get(k) ?? []), cr]);
  }
  const reward = c.optimization.reward;
  const paused = new Set<string>();
  for (const group of groups.values()) {
    const arms = group.map((cr) => {
      const n = counters(cr.id);
      return { id: cr.id, trials: n.impressions, successes: reward === 'click' ? n.clicks : n.conversions };
    });
    if (!arms.some((a) => a.trials >= 500)) continue;
    const verdicts = armsToPause(arms);
    if (verdicts.length === 0) continue;
    await pauseCreatives(exec, { tenantId }, verdicts);
    log('info', 'ads.auto_paused', { tenantId, campaignId: c.id, creatives: verdicts.map((v) => v.id) });
    for (const v of verdicts) paused.add(v.id);
  }
  if (paused.size > 0) c.creatives = c.creatives.filter((cr) => !paused.has(cr.id));
}

/** Tests and benches: forgets when campaigns were last checked. */
export function clearAutoPauseChecks(): void {
  lastCheck.clear();
}
