import { AppError } from '@/lib/errors';
import { explainShopperRecommendations, explainShopperScore } from '@/lib/explain/service';
import { formatMoney } from '@/lib/format';
import { getTenant } from '@/lib/workspace/queries';
import { CliError, defineCommand } from '../command';
import { cliTenantContext } from '../tenant';
import {
  parseExplainTarget,
  predictionJson,
  predictionLines,
  recommendationJson,
  recommendationLines,
} from './explain-format';

export const explain = defineCommand({
  name: 'explain',
  summary:
    'Explain a shopper’s prediction (contributions per feature) or recommendations (reasons per item).',
  description:
    'With --model, why the live churn, propensity or customer-value model gives the shopper their\n' +
    'score: baseValue (the typical shopper) plus each feature’s contribution adds up exactly to the\n' +
    'total (log-odds for churn and propensity, whose score is its probability; expected 12-month\n' +
    'spend in minor units for clv). With --placement, what the placement recommends to the shopper,\n' +
    'each item with its reasons and each reason’s share of the item’s score. The shopper is a Tailor\n' +
    'id, the store’s customer id or a visitor id.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    shopper: { type: 'string', required: true, placeholder: 'id', description: 'The shopper.' },
    model: { type: 'string', placeholder: 'churn|propensity|clv', description: 'Explain this prediction.' },
    placement: { type: 'string', placeholder: 'key', description: 'Explain this placement’s list.' },
    locale: {
      type: 'string',
      placeholder: 'tag',
      description: 'Language of the reasons (default: the workspace’s).',
    },
    json: { type: 'boolean', description: 'Print the explanation as JSON.' },
  },
  examples: [
    'tailor explain --workspace demo --shopper C-1042 --model churn --json',
    'tailor explain --workspace demo --shopper C-1042 --placement home-for-you',
  ],
  async run(ctx, o) {
    const target = parseExplainTarget(o);
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const ref = (o.shopper ?? '').trim();
    const settings = await getTenant(db, tenant);
    const locale = o.locale?.trim() || settings?.locale || 'en';
    try {
      if (target.kind === 'model') {
        const e = await explainShopperScore(db, tenant, ref, target.model);
        if (o.json) ctx.out(JSON.stringify(predictionJson(e)));
        else {
          const money = (minor: number) => formatMoney(Math.round(minor), settings?.currency ?? 'EUR', 'en');
          for (const line of predictionLines(e, money)) ctx.out(line);
        }
      } else {
        const r = await explainShopperRecommendations(db, tenant, ref, target.placement, locale);
        if (o.json) ctx.out(JSON.stringify(recommendationJson(r)));
        else for (const line of recommendationLines(r)) ctx.out(line);
      }
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found')
        throw new CliError(notFoundMessage(e.message, tenant.slug, ref, o.placement));
      throw e;
    }
    return 0;
  },
});

/** Names the workspace and what was asked, so a typo is easy to spot. */
function notFoundMessage(message: string, slug: string, shopper: string, placement?: string): string {
  if (message === 'Shopper not found.') return `Shopper not found in workspace ${slug}: ${shopper}`;
  if (message === 'Placement not found.')
    return `Placement not found in workspace ${slug}: ${placement ?? ''}`;
  return message;
}
