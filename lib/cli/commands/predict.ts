import { getHistorySpan, loadHistoryReport } from '@/lib/predict/data';
import { evaluateKindAt, TooLittleData } from '@/lib/predict/service-evaluate';
import { trainPredictions } from '@/lib/predict/service-train';
import { CliError, defineCommand, UsageError } from '../command';
import { createProgress } from '../output';
import { cliTenantContext } from '../tenant';
import { evaluationJson, evaluationLines, parsePredictFlags, trainLines } from './predict-format';

const MODEL_FLAG = {
  type: 'string',
  placeholder: 'churn|propensity|preference|clv',
  description: 'Which prediction.',
} as const;
const HORIZON_FLAG = {
  type: 'string',
  placeholder: 'days',
  description:
    'Horizon in days, 1–365 (churn 90, propensity 30, preference 30; clv: the holdout, default 182).',
} as const;
const PROTOCOL_FLAG = {
  type: 'string',
  placeholder: 'temporal|cv5',
  description: 'Churn/propensity: train on an earlier window (temporal, default) or 5-fold cross-validation.',
} as const;

export const predictEvaluate = defineCommand({
  name: 'predict evaluate',
  summary: 'Evaluate a prediction model at an as-of date, beside its baselines; changes nothing.',
  description:
    'Churn and propensity, temporal: fitted as of asof − horizon (labels up to asof), scored as of asof\n' +
    'and checked against what happened in the horizon after it; cv5: 5-fold cross-validation at asof.\n' +
    'A window too small to train honestly reports the labelled recency rule instead. Customer value:\n' +
    'fitted before asof, spend compared over the horizon after it. Preference: the next category\n' +
    'bought in the horizon after asof. With --json, churn/propensity print auc, prAuc, brier,\n' +
    'baseRate and n at the top level and the recency rule and base rate under `baselines`.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    model: { ...MODEL_FLAG, required: true },
    asof: {
      type: 'string',
      required: true,
      placeholder: 'ISO date',
      description: 'Features strictly before it, labels after it (2011-09-10 is midnight UTC).',
    },
    horizon: HORIZON_FLAG,
    protocol: PROTOCOL_FLAG,
    json: { type: 'boolean', description: 'Print the evaluation as JSON.' },
  },
  examples: [
    'tailor predict evaluate --workspace retail --model churn --asof 2011-09-10 --json',
    'tailor predict evaluate --workspace demo --model propensity --asof 2026-02-01 --protocol cv5',
  ],
  async run(ctx, o) {
    const flags = parsePredictFlags(o);
    if (!flags.kind || !flags.asOf) throw new UsageError('--model and --asof are required.');
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const [span, load] = await Promise.all([getHistorySpan(db, tenant), loadHistoryReport(db, tenant)]);
    if (load.unconvertedOrders) {
      ctx.err(
        `Note: ${load.unconvertedOrders} orders in ${load.unconvertedCurrencies.join(', ')} have no exchange rate; their money is left out.`,
      );
    }
    let evaluation: ReturnType<typeof evaluateKindAt>;
    try {
      evaluation = evaluateKindAt(flags.kind, load.histories, {
        asOf: flags.asOf.getTime(),
        first: span.first,
        horizonDays: flags.horizonDays,
        protocol: flags.protocol,
      });
    } catch (e) {
      if (e instanceof TooLittleData) throw new CliError(e.message);
      throw e;
    }
    if (o.json) ctx.out(JSON.stringify(evaluationJson(evaluation)));
    else for (const line of evaluationLines(tenant.slug, evaluation, load.currency)) ctx.out(line);
    return 0;
  },
});

export const predictTrain = defineCommand({
  name: 'predict train',
  summary: 'Train, evaluate and make live the prediction models of a workspace, and score its shoppers.',
  description:
    'Stores a new version of each model (or of --model), evaluated as in `predict evaluate`, makes it\n' +
    'live and scores every eligible shopper as of the end of the data (or --asof: only data before it\n' +
    'is read). A model without enough data is stored as failed with the reason; the others still train.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    model: { ...MODEL_FLAG, description: 'Only this prediction (default: all four).' },
    asof: { type: 'string', placeholder: 'ISO date', description: 'Treat this as the end of the data.' },
    horizon: { ...HORIZON_FLAG, description: `${HORIZON_FLAG.description} Needs --model.` },
    protocol: PROTOCOL_FLAG,
    json: { type: 'boolean', description: 'Print the result as JSON.' },
  },
  examples: [
    'tailor predict train --workspace demo',
    'tailor predict train --workspace retail --model churn --asof 2011-12-10',
  ],
  async run(ctx, o) {
    const flags = parsePredictFlags(o);
    if (flags.horizonDays !== undefined && !flags.kind) throw new UsageError('--horizon needs --model.');
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const progress = createProgress(ctx.stderr);
    let result: Awaited<ReturnType<typeof trainPredictions>>;
    try {
      result = await trainPredictions(db, tenant, {
        kinds: flags.kind ? [flags.kind] : undefined,
        end: flags.asOf,
        horizonDays: flags.horizonDays,
        protocol: flags.protocol,
        onStep: (done, total, message) => progress.update(done, total, message),
      });
    } finally {
      progress.done();
    }
    if (o.json) ctx.out(JSON.stringify(result));
    else for (const line of trainLines(tenant.slug, result)) ctx.out(line);
    return result.results.every((r) => r.status === 'ready') ? 0 : 1;
  },
});
