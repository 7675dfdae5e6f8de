/**
 * A/B experiments between approved on-site creatives of a campaign: create (with the sample-size
 * plan), start, stop, list and the report. Visitors are assigned by a salted hash (./assign.ts) in
 * the serving path, which counts each arm under the context 'exp:<id>'. Writes need `ads.manage`,
 * reads `data.read`; another workspace's experiment or campaign is "not found".
 */
import type { Db } from '@/db/client';
import type { ExperimentPlan, ExperimentStatus } from '@/db/schema/ads';
import { invalidateAdServing } from '@/lib/ads/serve/cache';
import { recordAudit } from '@/lib/audit/service';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/segments/inputs';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { newSalt } from './assign';
import { planExperiment } from './plan';
import {
  campaignExists,
  type ExperimentRow,
  getExperimentRow,
  insertExperiment,
  listCampaignCreatives,
  listRunningExperimentRows,
  transitionExperiment,
} from './queries';
import { type ExperimentSummary, summarize } from './read';
import { experimentInputSchema } from './schemas';

export { planExperiment } from './plan';
export { type ExperimentReport, type ExperimentSummary, getExperimentReport, listExperiments } from './read';

function requireManage(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'ads.manage')) throw forbidden('Your role does not allow managing ad experiments.');
}
const invalid = (message: string) => new AppError('validation_failed', message, { creativeIds: [message] });

/**
 * Creates a draft experiment. Input: campaignId, name, creativeIds (control first), metric,
 * baselineRate, minDetectableLift, alpha?, power?. The creatives must be approved on-site banners
 * of the campaign written for the same segment and locale (the arms one visitor can be shown).
 * @throws AppError validation_failed (with field errors), not_found (campaign), forbidden.
 */
export async function createExperiment(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<ExperimentSummary> {
  requireManage(ctx);
  const data = parseOrThrow(experimentInputSchema, input);
  if (!(await campaignExists(db, ctx, data.campaignId))) throw notFound('Campaign not found.');
  const creatives = await listCampaignCreatives(db, ctx, data.campaignId, data.creativeIds);
  if (creatives.length !== data.creativeIds.length)
    throw invalid('Every creative must belong to this campaign.');
  if (creatives.some((c) => c.status !== 'approved'))
    throw invalid('Only approved creatives can be compared.');
  if (creatives.some((c) => c.channel !== 'banner'))
    throw invalid('Experiments run on the on-site banner: choose banner creatives.');
  const first = creatives[0]!;
  if (creatives.some((c) => c.segmentId !== first.segmentId || c.locale !== first.locale))
    throw invalid('Compare creatives written for the same segment and locale.');
  let plan: ExperimentPlan;
  try {
    const p = planExperiment({ ...data, arms: data.creativeIds.length });
    plan = {
      baselineRate: p.baselineRate,
      minDetectableLift: p.minDetectableLift,
      alpha: p.alpha,
      power: p.power,
      perArm: p.perArm,
    };
  } catch (e) {
    if (e instanceof RangeError)
      throw new AppError('validation_failed', e.message, { minDetectableLift: [e.message] });
    throw e;
  }
  const row = await db.transaction(async (tx) => {
    const inserted = await insertExperiment(tx, {
      tenantId: ctx.tenantId,
      campaignId: data.campaignId,
      name: data.name,
      creativeIds: data.creativeIds,
      metric: data.metric,
      plan,
      salt: newSalt(),
    });
    await recordAudit(tx, ctx, {
      action: 'ad_experiment.created',
      targetType: 'ad_experiment',
      targetId: inserted.id,
      details: { name: inserted.name, campaignId: inserted.campaignId, arms: inserted.creativeIds.length },
    });
    return inserted;
  });
  return summarize(row, new Map());
}

/**
 * Starts a draft experiment: from now on visitors are split between its arms.
 * @throws AppError not_found, conflict (not a draft, an arm no longer approved, or an arm already
 *   in another running experiment), forbidden.
 */
export async function startExperiment(db: Db, ctx: TenantContext, id: string): Promise<ExperimentSummary> {
  requireManage(ctx);
  const row = isUuid(id) ? await getExperimentRow(db, ctx, id) : null;
  if (!row) throw notFound('Experiment not found.');
  if (row.status !== 'draft') throw conflict('Only a draft experiment can be started.');
  const creatives = await listCampaignCreatives(db, ctx, row.campaignId, row.creativeIds);
  if (creatives.length !== row.creativeIds.length || creatives.some((c) => c.status !== 'approved'))
    throw conflict('Every creative of the experiment must still be approved to start it.');
  const running = await listRunningExperimentRows(db, ctx, row.campaignId);
  const busy = running.find((r) => r.creativeIds.some((c) => row.creativeIds.includes(c)));
  if (busy) throw conflict(`A creative is already in the running experiment "${busy.name}". Stop it first.`);
  const started = await setStatus(
    db,
    ctx,
    id,
    ['draft'],
    { status: 'running', startedAt: new Date() },
    'started',
  );
  return summarize(started, new Map());
}

/**
 * Stops a draft or running experiment for good (its counters stay for the report).
 * @throws AppError not_found, conflict (already stopped), forbidden.
 */
export async function stopExperiment(db: Db, ctx: TenantContext, id: string): Promise<ExperimentSummary> {
  requireManage(ctx);
  const row = isUuid(id) ? await getExperimentRow(db, ctx, id) : null;
  if (!row) throw notFound('Experiment not found.');
  if (row.status === 'stopped') throw conflict('The experiment is already stopped.');
  const stopped = await setStatus(
    db,
    ctx,
    id,
    ['draft', 'running'],
    { status: 'stopped', stoppedAt: new Date() },
    'stopped',
  );
  return summarize(stopped, new Map());
}

async function setStatus(
  db: Db,
  ctx: TenantContext,
  id: string,
  from: ExperimentStatus[],
  patch: Parameters<typeof transitionExperiment>[4],
  verb: 'started' | 'stopped',
): Promise<ExperimentRow> {
  const row = await db.transaction(async (tx) => {
    const changed = await transitionExperiment(tx, ctx, id, from, patch);
    if (!changed) throw conflict('The experiment changed meanwhile. Reload and try again.');
    await recordAudit(tx, ctx, {
      action: `ad_experiment.${verb}`,
      targetType: 'ad_experiment',
      targetId: id,
      details: { name: changed.name },
    });
    return changed;
  });
  // Serving reads running experiments from its cache: refresh it now, not after the TTL.
  invalidateAdServing(ctx.tenantId);
  return row;
}
