import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_KINDS, mappingProblems } from '@/lib/import/fields';
import { failureOf, summaryOf } from '@/lib/import/outcome';
import { getImport, listMappings } from '@/lib/import/queries';
import { runImportJobHere } from '@/lib/import/run-here';
import { createImport, startImport } from '@/lib/import/service';
import type { ImportSummary } from '@/lib/import/summary';
import { CliError, UsageError, defineCommand } from '../command';
import { createProgress } from '../output';
import { cliTenantContext } from '../tenant';

const num = new Intl.NumberFormat('en');

function printSummary(out: (s: string) => void, s: ImportSummary): void {
  out(
    `  rows ${num.format(s.rows)}: accepted ${num.format(s.accepted)}, rejected ${num.format(s.rejected)}` +
      (s.skipped ? `, superseded by a later row ${num.format(s.skipped)}` : ''),
  );
  out(
    `  records: ${num.format(s.inserted)} new, ${num.format(s.updated)} updated, ${num.format(s.unchanged)} unchanged`,
  );
  const c = s.counts;
  out(
    `  products ${num.format(c.products)} · customers ${num.format(c.shoppers)} · orders ${num.format(c.orders)} ` +
      `(${num.format(c.cancellations)} cancellations, ${num.format(c.guestOrders)} guest orders) · events ${num.format(c.events)}`,
  );
  const reasons = Object.entries(s.reasons);
  if (reasons.length) {
    out('  rejected because:');
    for (const [reason, n] of reasons) out(`    ${num.format(n).padStart(7)} × ${reason}`);
  }
}

export const importFile = defineCommand({
  name: 'import',
  summary: 'Import products, customers, orders or events from a CSV, JSON or NDJSON file.',
  description:
    'The file is copied into the data folder and imported in batches by the same job the dashboard\n' +
    'uses (it resumes after an interruption). Columns are mapped by name; --mapping uses a mapping saved in the dashboard.\n' +
    'UCI Online Retail files (optionally .gz) are recognized by their header: products, customers and\n' +
    'orders in one go, prices in --currency (default GBP). Re-importing a file changes nothing.',
  args: [
    { name: 'kind', description: 'products, shoppers, orders or events' },
    { name: 'file', description: 'the file to import (relative to the current folder)' },
  ],
  options: {
    kind: {
      type: 'string',
      placeholder: 'products|shoppers|orders|events',
      description: 'What the file holds (or the first argument).',
    },
    file: { type: 'string', placeholder: 'path', description: 'The file (or the second argument).' },
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    format: {
      type: 'string',
      placeholder: 'auto|csv|json|ndjson|online-retail',
      description: 'File format (default: detected).',
    },
    currency: {
      type: 'string',
      placeholder: 'code',
      description: 'Currency of prices without a currency column.',
    },
    mapping: { type: 'string', placeholder: 'name', description: 'A column mapping saved in the dashboard.' },
    json: { type: 'boolean', description: 'Print the result as one JSON object.' },
  },
  examples: [
    'tailor import products ./catalog.csv --workspace acme',
    'tailor import orders ../shared/data/online-retail/online_retail.csv.gz --workspace acme --json',
  ],
  async run(ctx, o) {
    const kind = o.kind ?? '';
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`<kind> must be one of ${IMPORT_KINDS.join(', ')}.`);
    }
    if (!o.file) throw new UsageError('missing <file>.');
    const file = path.resolve(ctx.env.callerCwd, o.file);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No such file: ${file}`);
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const started = Date.now();
    const imp = await createImport(db, tenant, {
      body: fs.createReadStream(file),
      fileName: path.basename(file),
      kind,
      format: o.format ?? 'auto',
      currency: o.currency ?? '',
    });
    let mapping = imp.mapping;
    if (o.mapping) {
      const saved = (await listMappings(db, tenant, kind)).find((m) => m.name === o.mapping);
      if (!saved) throw new CliError(`No saved ${kind} mapping named "${o.mapping}" in ${tenant.slug}.`);
      mapping = saved.mapping;
    }
    const columns = (imp.options as { columns?: string[] }).columns ?? [];
    const problems =
      imp.format === 'online-retail'
        ? []
        : mappingProblems(imp.kind as 'products', mapping, imp.format === 'csv' ? columns : null);
    if (problems.length) {
      throw new CliError(
        `${problems.join(' ')}\nThe file's columns: ${columns.join(', ')}.\nMap them in the dashboard (${ctx.env.appUrl}/${tenant.slug}/import/${imp.id}), save the mapping, and pass --mapping <name>.`,
      );
    }
    const queued = await startImport(db, tenant, { id: imp.id, mapping });
    const progress = createProgress(ctx.stderr);
    try {
      const job = await runImportJobHere(db, { tenantId: tenant.tenantId, id: queued.jobId! }, (p) => {
        const step = p.message?.startsWith('Checking') ? 'checking the file' : 'importing';
        progress.update(
          p.done,
          p.total ?? 0,
          step,
          p.total ? `${num.format(p.done)} / ${num.format(p.total)} rows` : (p.message ?? ''),
        );
      });
      if (job.status === 'succeeded') {
        const total = job.progressTotal ?? job.progressDone;
        progress.update(total, total, 'importing', `${num.format(total)} / ${num.format(total)} rows`);
      }
    } finally {
      progress.done();
    }
    const row = (await getImport(db, tenant, imp.id))!;
    const summary = summaryOf(row);
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    if (!summary || row.status !== 'succeeded')
      throw new CliError(failureOf(row) ?? `The import ended as ${row.status}.`);
    const errorsUrl = summary.rejected
      ? `${ctx.env.appUrl}/${tenant.slug}/import/${imp.id}/errors.csv`
      : null;
    if (o.json) {
      ctx.out(
        JSON.stringify({
          import: imp.id,
          workspace: tenant.slug,
          file: path.basename(file),
          kind,
          format: row.format,
          status: row.status,
          seconds,
          rows: summary.rows,
          accepted: summary.accepted,
          inserted: summary.inserted,
          updated: summary.updated,
          unchanged: summary.unchanged,
          rejected: summary.rejected,
          skipped: summary.skipped,
          reasons: summary.reasons,
          counts: summary.counts,
          statuses: summary.statuses,
          entities: summary.entities,
          errorReport: errorsUrl,
        }),
      );
      return 0;
    }
    ctx.out(`Imported ${path.basename(file)} into ${tenant.slug} (${kind}, ${row.format}) in ${seconds} s.`);
    printSummary(ctx.out, summary);
    if (errorsUrl) ctx.out(`Rejected rows (row, field, reason): ${errorsUrl}`);
    return 0;
  },
});
