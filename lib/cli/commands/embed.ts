import { runEmbedJobHere } from '@/lib/embeddings/run-here';
import { type EmbeddingOverview, getEmbeddingOverview, startEmbedding } from '@/lib/embeddings/service';
import { embedderToApi } from '@/lib/search/serialize';
import { CliError, defineCommand } from '../command';
import { createProgress } from '../output';
import { cliTenantContext } from '../tenant';

const num = new Intl.NumberFormat('en');

/** Why products have no vector, as the Models page words it. */
const SKIP_REASONS: Record<string, string> = {
  no_text: 'no title or description in any language',
  embed_failed: 'the embedder failed on its text',
};
const skipText = (reason: string) => SKIP_REASONS[reason] ?? reason.replaceAll('_', ' ');

/** The Models page figures for people: embedder (and why it stands in), coverage, skips. */
function printOverview(out: (s: string) => void, o: EmbeddingOverview): void {
  const s = o.status;
  out(`  embedder  ${s.label} · ${s.space} · ${s.dimensions} dimensions`);
  if (s.fallback) out(`            stands in for the requested ${o.setting}: ${s.reason ?? 'unavailable'}`);
  if (o.querySpace !== s.space)
    out(`            searches use ${o.querySpace} until the new space is complete`);
  const p = o.products;
  const skippedTotal = Object.values(p.skipped).reduce((a, b) => a + b, 0);
  const target = Math.max(0, p.active - skippedTotal);
  const pct = target > 0 ? Math.floor((p.embedded / target) * 100) : 100;
  out(
    `  products  ${num.format(p.embedded)} of ${num.format(target)} embedded (${pct} %)` +
      `, ${num.format(p.stale)} stale, ${num.format(p.missing)} missing, ${num.format(p.active)} active in all`,
  );
  const skipped = Object.entries(p.skipped).filter(([, n]) => n > 0);
  if (skipped.length === 0) out('  skipped   none');
  for (const [reason, n] of skipped) out(`  skipped   ${num.format(n)} × ${skipText(reason)} (${reason})`);
}

export const embed = defineCommand({
  name: 'embed',
  summary: "Embed a workspace's new and changed products now, with progress.",
  description:
    'Runs the same background job the dashboard queues (analysis, language detection, vectors), here\n' +
    'in this process, then prints what the Models page shows. Unchanged products are not embedded\n' +
    'again; --full re-analyses and re-embeds every product.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    full: { type: 'boolean', description: 'Re-embed every product, not only new and changed ones.' },
    json: { type: 'boolean', description: 'Print the result as one JSON object.' },
  },
  examples: ['tailor embed --workspace acme', 'tailor embed --workspace acme --full --json'],
  async run(ctx, o) {
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const started = Date.now();
    const queued = await startEmbedding(db, tenant, { full: o.full === true });
    if (!queued.created && o.full)
      ctx.err('An embedding run was already queued or running: finishing that one.');
    const progress = createProgress(ctx.stderr);
    let job: Awaited<ReturnType<typeof runEmbedJobHere>>;
    try {
      job = await runEmbedJobHere(db, { tenantId: tenant.tenantId, id: queued.jobId }, (p) => {
        progress.update(p.done, p.total ?? 0, 'embedding', p.message ?? '');
      });
      if (job.status === 'succeeded') {
        // A run with nothing to do has a total of 0: still draw the bar full.
        const total = Math.max(1, job.progressTotal ?? job.progressDone);
        progress.update(total, total, 'embedding', job.progressMessage ?? '');
      }
    } finally {
      progress.done();
    }
    if (job.status !== 'succeeded') {
      throw new CliError(job.error ?? `The embedding run ended as ${job.status}.`);
    }
    const overview = await getEmbeddingOverview(db, tenant);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (o.json) {
      ctx.out(
        JSON.stringify({
          workspace: tenant.slug,
          job: job.id,
          status: job.status,
          seconds,
          setting: overview.setting,
          embedder: embedderToApi(overview.status),
          querySpace: overview.querySpace,
          products: overview.products,
          lastEmbeddedAt: overview.lastEmbeddedAt?.toISOString() ?? null,
          run: job.result ?? null,
        }),
      );
      return 0;
    }
    ctx.out(`Embedded the catalog of ${tenant.slug} in ${seconds} s.`);
    printOverview(ctx.out, overview);
    return 0;
  },
});
