import { verifyAuditChain } from '@/lib/audit/chain';
import { defineCommand } from '../command';
import { cliTenantContext } from '../tenant';

export const auditVerify = defineCommand({
  name: 'audit verify',
  summary: "Verify a workspace's hash-chained audit log; exit status 0 only when it is intact.",
  description:
    "Recomputes every entry's hash in order and checks that each one links to the one before.\n" +
    'Prints the number of entries, the head hash (write it down: a later head must extend it) and,\n' +
    'when the chain is broken, the first entry that does not fit and why. Exit status 1 when broken.\n' +
    'The run is recorded in the workspace (shown on Privacy → Overview).',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    json: { type: 'boolean', description: 'Print the result as one JSON object.' },
  },
  examples: ['tailor audit verify --workspace acme', 'tailor audit verify --workspace acme --json'],
  async run(ctx, o) {
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    let shown = 0;
    const r = await verifyAuditChain(db, tenant, {
      onProgress: (done, total) => {
        // A line per 100k entries: enough to see it move on a large log, quiet on a small one.
        if (done - shown >= 100_000) {
          shown = done;
          ctx.err(`… ${done} / ${total} entries`);
        }
      },
    });
    if (o.json) {
      ctx.out(JSON.stringify({ workspace: tenant.slug, ...r }));
    } else if (r.ok) {
      ctx.out(`${tenant.slug}: audit chain intact — ${r.entries} entries, head ${r.head || '(empty)'}`);
      ctx.err(`Verified in ${r.durationMs} ms.`);
    } else {
      ctx.out(`${tenant.slug}: audit chain BROKEN after ${r.entries} intact entries.`);
      ctx.out(r.reason ?? 'Unknown reason.');
    }
    return r.ok ? 0 : 1;
  },
});
