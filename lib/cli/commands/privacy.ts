import fs from 'node:fs';
import type { Db } from '@/db/client';
import { PRIVACY_REGULATIONS, type PrivacyRegulation } from '@/db/schema';
import { downloadRequestExport } from '@/lib/privacy/requests/export';
import { runOperatorRequest } from '@/lib/privacy/requests/operator';
import type { ErasureStep } from '@/lib/privacy/subject-types';
import { defineCommand, UsageError } from '../command';
import { cliTenantContext } from '../tenant';

const WORKSPACE = {
  type: 'string',
  required: true,
  placeholder: 'slug',
  description: 'The workspace.',
} as const;
const REGULATION = {
  type: 'string',
  placeholder: 'gdpr|uk_gdpr|ccpa',
  description: 'The regulation the request is recorded under (default gdpr).',
} as const;

function regulationOf(value: string | undefined): PrivacyRegulation | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!(PRIVACY_REGULATIONS as readonly string[]).includes(v))
    throw new UsageError(`--regulation must be one of ${PRIVACY_REGULATIONS.join(', ')}, got "${value}".`);
  return v as PrivacyRegulation;
}

export const privacyExport = defineCommand({
  name: 'privacy export',
  summary: 'Export everything about a shopper (JSON) and record it as a completed access request.',
  description:
    'The shopper is a Tailor shopper id, an email or the store’s customer id. Writes the export to\n' +
    '--out (or stdout) and files an access request (source cli) that is verified by you, completed\n' +
    'and audited, so the export shows in Privacy → Requests like any other.',
  options: {
    workspace: WORKSPACE,
    shopper: {
      type: 'string',
      required: true,
      placeholder: 'id|email|external id',
      description: 'The shopper.',
    },
    out: { type: 'string', placeholder: 'file', description: 'Write the JSON here instead of stdout.' },
    regulation: REGULATION,
  },
  examples: [
    'tailor privacy export --workspace demo --shopper ada@example.com --out ada.json',
    'tailor privacy export --workspace demo --shopper 5c0e…-uuid',
  ],
  async run(ctx, o) {
    const { db, tenant, request } = await operatorRequest(ctx, o, 'access');
    const file = await downloadRequestExport(db, tenant, request.id, { kind: 'json' });
    if (o.out) {
      fs.writeFileSync(o.out, `${file.body}\n`, { mode: 0o600 });
      ctx.err(`Wrote the export to ${o.out} (access request ${request.id}).`);
    } else {
      ctx.out(file.body);
      ctx.err(`Access request ${request.id} recorded as completed.`);
    }
    return 0;
  },
});

/** Runs a request of `kind` for the command's workspace and shopper, as a completed CLI request. */
async function operatorRequest(
  ctx: { db: () => Promise<Db> },
  o: { workspace?: string; shopper?: string; regulation?: string },
  kind: 'access' | 'erasure',
) {
  const regulation = regulationOf(o.regulation);
  const db = await ctx.db();
  const tenant = await cliTenantContext(db, o.workspace ?? '');
  const request = await runOperatorRequest(db, tenant, {
    kind,
    shopper: o.shopper ?? '',
    regulation,
    source: 'cli',
  });
  return { db, tenant, request };
}

/** The erasure report as aligned lines: one per table or artefact, then the scan. */
export function erasureLines(request: { id: string; result: Record<string, unknown> | null }): string[] {
  const steps = (Array.isArray(request.result?.steps) ? request.result.steps : []) as ErasureStep[];
  const width = Math.max(6, ...steps.map((s) => s.target.length));
  const lines = [`${'TARGET'.padEnd(width)}  ${'ACTION'.padEnd(14)}  ${'COUNT'.padStart(7)}  NOTE`];
  for (const s of steps)
    lines.push(
      `${s.target.padEnd(width)}  ${s.action.padEnd(14)}  ${String(s.count).padStart(7)}  ${s.note ?? ''}`.trimEnd(),
    );
  const scan = request.result?.verification as { tablesScanned?: number; remaining?: number } | undefined;
  if (scan)
    lines.push(`Scan: ${scan.tablesScanned ?? 0} tables searched, ${scan.remaining ?? 0} references left.`);
  lines.push(`Erasure request ${request.id} completed.`);
  return lines;
}

export const privacyErase = defineCommand({
  name: 'privacy erase',
  summary: 'Erase a shopper everywhere (tables, caches, models) as a completed erasure request.',
  description:
    'Removes the shopper and every trace of them, then scans every table to prove nothing is left,\n' +
    'and prints what was removed per table and artefact. Recorded as an erasure request (source\n' +
    'cli) with the report as its proof. It cannot be undone.',
  options: {
    workspace: WORKSPACE,
    shopper: {
      type: 'string',
      required: true,
      placeholder: 'id|email|external id',
      description: 'The shopper.',
    },
    regulation: REGULATION,
    json: { type: 'boolean', description: 'Print the erasure report as JSON.' },
  },
  examples: ['tailor privacy erase --workspace demo --shopper 5c0e…-uuid'],
  async run(ctx, o) {
    const { request } = await operatorRequest(ctx, o, 'erasure');
    if (o.json) ctx.out(JSON.stringify({ request: request.id, status: request.status, ...request.result }));
    else for (const line of erasureLines(request)) ctx.out(line);
    return request.status === 'completed' ? 0 : 1;
  },
});
