/**
 * The live recommendation model's card in brief, for the Model cards page: its stored training
 * facts and the newest ready offline evaluation (the hybrid against the best baseline). Reads
 * stored rows only, tenant-scoped through the recommend queries.
 */
import type { Executor } from '@/db/client';
import { EVALUATION_PROTOCOLS } from '@/db/schema/recommend';
import type { Margin } from '@/lib/recommend/eval/compare';
import { latestReadyByProtocol } from '@/lib/recommend/evaluations/queries';
import { reportOf } from '@/lib/recommend/evaluations/service';
import { listModels } from '@/lib/recommend/train/queries';
import type { TenantContext } from '@/lib/tenant/context';

export interface RecommendationCard {
  version: number;
  trainedAt: Date | null;
  dataFrom: Date | null;
  dataTo: Date | null;
  shoppers: number;
  items: number;
  interactions: number;
  evaluation: { margin: Margin; protocol: string; cutoff: Date } | null;
}

/** The live recommendation model's card, or null when none is live. */
export async function getRecommendationCard(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
): Promise<RecommendationCard | null> {
  const [models, latest] = await Promise.all([listModels(exec, ctx, 20), latestReadyByProtocol(exec, ctx)]);
  const live = models.find((m) => m.live);
  if (!live) return null;
  let evaluation: RecommendationCard['evaluation'] = null;
  for (const protocol of EVALUATION_PROTOCOLS) {
    const row = latest[protocol];
    const margin = row ? reportOf(row)?.margin : null;
    if (row && margin) {
      evaluation = { margin, protocol, cutoff: row.cutoff };
      break;
    }
  }
  return {
    version: live.version,
    trainedAt: live.trainedAt,
    dataFrom: live.dataFrom,
    dataTo: live.dataTo,
    shoppers: live.shoppers,
    items: live.items,
    interactions: live.interactions,
    evaluation,
  };
}
