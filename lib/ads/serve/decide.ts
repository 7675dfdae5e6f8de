/**
 * One on-site ad decision over the in-memory serving state (cache.ts): placement → the live
 * campaigns (active, today within their dates) → the creatives for the visitor's segment, else
 * those for all shoppers → the request's language, else English, else the campaign's first
 * locale → the shopper's arm when a running experiment covers those creatives, else the
 * campaign's bandit (Thompson on the counters of the context, or LinUCB on the one-hot context)
 * with the exploration floor. Pure but for the membership lookup, which is in memory too.
 */
import { contextVector } from '@/lib/ads/bandit/features';
import { pickWithFloor } from '@/lib/ads/bandit/floor';
import { chooseLinUcb } from '@/lib/ads/bandit/linucb';
import type { Rng } from '@/lib/ads/bandit/rng';
import { chooseThompson } from '@/lib/ads/bandit/thompson';
import { assignArm } from '@/lib/ads/experiments/assign';
import type { DecisionContext } from '@/lib/ads/types';
import { type AdServingState, counterOf, type LiveCampaign, type LiveCreative } from './cache';

export interface DecideInput {
  placement: string;
  /** BCP 47 tag of the page, e.g. "de-CH"; null when unknown. */
  locale: string | null;
  device: DecisionContext['device'];
  /**
   * The first of `segmentIds` the shopper belongs to (with advertising consent), or null; never
   * called for an anonymous request.
   */
  segmentOf: ((segmentIds: string[]) => Promise<string | null>) | null;
  /** Who experiments assign (visitor id or shopper reference); none → the bandit serves. */
  subject: string | undefined;
  /** Epoch ms. */
  now: number;
  rng: Rng;
}

export interface Choice {
  campaign: LiveCampaign;
  creative: LiveCreative;
  contextKey: string;
  via: 'bandit' | 'experiment';
  experimentId?: string;
  /** LinUCB only: indices of the one-hot context and its dimension. */
  x?: number[];
  d?: number;
}

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

/** Whether a campaign runs on the (UTC) day of `now`: startsOn ≤ day ≤ endsOn, open ends allowed. */
export function runsOn(c: Pick<LiveCampaign, 'startsOn' | 'endsOn'>, now: number): boolean {
  const day = today(now);
  return (c.startsOn === null || c.startsOn <= day) && (c.endsOn === null || c.endsOn >= day);
}

const baseLanguage = (tag: string | null) => (tag ? (tag.toLowerCase().split(/[-_]/)[0] ?? null) : null);

/** The creatives of one language: the request's, else English, else the campaign's first locale. */
export function inLanguage(
  creatives: LiveCreative[],
  locale: string | null,
  campaignLocales: string[],
): LiveCreative[] {
  const wanted = [baseLanguage(locale), 'en', campaignLocales[0], creatives[0]?.locale];
  for (const l of wanted) {
    if (!l) continue;
    const arms = creatives.filter((c) => c.locale === l);
    if (arms.length > 0) return arms;
  }
  return [];
}

async function armsFor(
  c: LiveCampaign,
  input: DecideInput,
): Promise<{ arms: LiveCreative[]; segmentId: string | null }> {
  const targeted = [...new Set(c.creatives.flatMap((cr) => (cr.segmentId ? [cr.segmentId] : [])))];
  const segmentId = targeted.length > 0 && input.segmentOf ? await input.segmentOf(targeted) : null;
  if (segmentId) {
    const arms = inLanguage(
      c.creatives.filter((cr) => cr.segmentId === segmentId),
      input.locale,
      c.locales,
    );
    if (arms.length > 0) return { arms, segmentId };
  }
  const general = c.creatives.filter((cr) => cr.segmentId === null);
  return { arms: inLanguage(general, input.locale, c.locales), segmentId };
}

function bandit(
  state: AdServingState,
  c: LiveCampaign,
  arms: LiveCreative[],
  segmentId: string | null,
  input: DecideInput,
): Choice {
  const contextKey = segmentId ? `segment:${segmentId}` : '';
  const { policy, reward, explorationFloor, alpha } = c.optimization;
  if (policy === 'linucb') {
    const ctx: DecisionContext = { segmentId, locale: input.locale, device: input.device };
    const x = contextVector(ctx, c.segmentIds, c.locales);
    const states = arms.map((a) => {
      const s = state.linucb.get(a.id);
      return { id: a.id, state: s && s.dimensions === x.length ? s : null };
    });
    const i = pickWithFloor(arms.length, explorationFloor, input.rng, () => {
      const id = chooseLinUcb(states, x, alpha, input.rng);
      return arms.findIndex((a) => a.id === id);
    });
    const ones = Array.from(x).flatMap((v, j) => (v === 1 ? [j] : []));
    return { campaign: c, creative: arms[i]!, contextKey, via: 'bandit', x: ones, d: x.length };
  }
  const beta = arms.map((a) => {
    const n = counterOf(state, a.id, contextKey);
    return { id: a.id, trials: n.impressions, successes: reward === 'conversion' ? n.conversions : n.clicks };
  });
  const id = chooseThompson(beta, input.rng, { floor: explorationFloor });
  return { campaign: c, creative: arms.find((a) => a.id === id)!, contextKey, via: 'bandit' };
}

/**
 * Decides which creative a placement shows. Campaigns of the placement are tried newest first
 * (the first with a creative for this visitor serves), so a newer campaign takes over a slot.
 * @returns the choice, or null when no live campaign has a creative for this request
 */
export async function decideAd(state: AdServingState, input: DecideInput): Promise<Choice | null> {
  for (const c of state.byPlacement.get(input.placement) ?? []) {
    if (!runsOn(c, input.now)) continue;
    const { arms, segmentId } = await armsFor(c, input);
    if (arms.length === 0) continue;
    const ids = new Set(arms.map((a) => a.id));
    const exp = input.subject
      ? c.experiments.find((e) => e.creativeIds.length >= 2 && e.creativeIds.every((id) => ids.has(id)))
      : undefined;
    if (exp && input.subject) {
      const armId = exp.creativeIds[assignArm(exp.salt, input.subject, exp.creativeIds.length)]!;
      const creative = arms.find((a) => a.id === armId)!;
      return { campaign: c, creative, contextKey: `exp:${exp.id}`, via: 'experiment', experimentId: exp.id };
    }
    return bandit(state, c, arms, segmentId, input);
  }
  return null;
}
