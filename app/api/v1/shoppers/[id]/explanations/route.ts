import { withApiKey } from '@/lib/api/with-api-key';
import { AppError } from '@/lib/errors';
import { EXPLAINED_KINDS, explainShopperScore, isExplainedKind } from '@/lib/explain/service';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/shoppers/{id}/explanations?model=churn|propensity|clv — why the live model gives the
 * shopper (Tailor id, customer id or visitor id) their score (secret key, `data:read`):
 * `{ data: { shopperId, model, method, link, score, baseValue, total, contributions: [{ feature,
 * label, value, contribution }] } }`, where baseValue + Σ contribution = total and score is
 * sigmoid(total) for `link: 'logit'` (a probability) or total itself (clv, minor units).
 * 422 for a missing or unknown model; 404 for an unknown shopper (another workspace's too), no
 * live model of that kind, or a shopper the model does not score.
 */
export const GET = withApiKey<{ id: string }>('data:read', async (req, ctx, db, { id }) => {
  const model = new URL(req.url).searchParams.get('model')?.trim().toLowerCase() ?? '';
  if (!isExplainedKind(model)) {
    const message = `model must be one of ${EXPLAINED_KINDS.join(', ')}.`;
    throw new AppError('validation_failed', message, { model: [message] });
  }
  const data = await explainShopperScore(db, ctx, decodeURIComponent(id).slice(0, 200), model);
  return Response.json({ data });
});
