import {
  evaluationCells,
  evaluationHeading,
  formatMargin,
  metricsRecords,
  TABLE_HEADERS,
} from '@/lib/recommend/eval/report';
import { PROTOCOLS, type Protocol } from '@/lib/recommend/eval/split';
import { evaluateWorkspace } from '@/lib/recommend/evaluation';
import { UsageError, defineCommand } from '../command';
import { createProgress, formatTable } from '../output';
import { cliTenantContext } from '../tenant';

/** `2011-11-09` (midnight UTC) or a full ISO 8601 instant; null when it is neither. */
export function parseCutoff(text: string): Date | null {
  const trimmed = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  summary: "Offline evaluation of a workspace's recommendations: baselines and the hybrid, at a cutoff.",
  description:
    'Trains every model on the interactions before the cutoff and scores its top-k lists against what\n' +
    'each shopper bought after it (purchases; shoppers seen before the cutoff). Protocol `all` counts\n' +
    'repeat purchases; `new-items` removes what the shopper already had from truth and lists.\n' +
    'Models: most-popular, recent-popular (30 days), buy-again (+ popularity), item-knn, ease, and\n' +
    'hybrid; tuned models choose their settings on the 28 days before the cutoff, never after it.\n' +
    'Prints the table with bootstrap 95% intervals and the hybrid margin over the best baseline;\n' +
    'with --json, an array with one object per model.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    cutoff: {
      type: 'string',
      required: true,
      placeholder: 'ISO date',
      description: 'Train before it, test after it (2011-11-09 is midnight UTC).',
    },
    protocol: {
      type: 'string',
      required: true,
      placeholder: 'all|new-items',
      description: 'Whether repeat purchases count (all) or only items new to the shopper.',
    },
    json: { type: 'boolean', description: 'Print an array with one object per model.' },
  },
  examples: [
    'tailor evaluate --workspace acme --cutoff 2011-11-09 --protocol all',
    'tailor evaluate --workspace acme --cutoff 2011-11-09 --protocol new-items --json',
  ],
  async run(ctx, o) {
    const cutoff = parseCutoff(o.cutoff ?? '');
    if (!cutoff) throw new UsageError(`--cutoff must be an ISO date like 2011-11-09, got "${o.cutoff}".`);
    const protocol = o.protocol as Protocol;
    if (!PROTOCOLS.includes(protocol)) {
      throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, got "${o.protocol}".`);
    }
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const progress = createProgress(ctx.stderr);
    // Loading, then the six models in order: a step each.
    const steps = 7;
    let step = 0;
    let result: Awaited<ReturnType<typeof evaluateWorkspace>>;
    try {
      result = await evaluateWorkspace(db, tenant, {
        cutoff,
        protocol,
        onStep: (name) => {
          progress.update(step++, steps, name === 'loading' ? 'loading interactions' : `training ${name}`);
        },
      });
      progress.update(steps, steps, 'done');
    } finally {
      progress.done();
    }
    const { evaluation, margin } = result;
    if (o.json) {
      ctx.out(JSON.stringify(metricsRecords(evaluation)));
      return 0;
    }
    ctx.out(`${tenant.slug}: ${evaluationHeading(evaluation)}`);
    ctx.out(formatTable(TABLE_HEADERS, evaluationCells(evaluation)));
    if (margin) ctx.out(formatMargin(margin, evaluation.shoppers));
    return 0;
  },
});
