import { encryptionCoverage } from '@/lib/privacy/encryption-status';
import { rewrapDataKeys } from '@/lib/privacy/keys';
import { reencryptShoppers } from '@/lib/privacy/reencrypt';
import { rotateFieldKey } from '@/lib/privacy/reencrypt-job';
import { getKeyring } from '@/lib/secrets/keyring';
import { defineCommand } from '../command';
import { cliTenantContext } from '../tenant';

export const privacyRotateKey = defineCommand({
  name: 'privacy rotate-key',
  summary: "Rotate a workspace's field data key and re-encrypt its shoppers' personal data.",
  description:
    'Creates the next version of the workspace data key that encrypts emails and names (older\n' +
    'versions keep decrypting until everything is re-sealed), records privacy.key_rotated in the\n' +
    'audit log, then re-encrypts every shopper here, printing progress (legacy clear values are\n' +
    'encrypted on the way). With --background the queued privacy.reencrypt job does it instead.',
  options: {
    workspace: { type: 'string', required: true, placeholder: 'slug', description: 'The workspace.' },
    background: { type: 'boolean', description: 'Only rotate and queue the job; do not wait.' },
  },
  examples: [
    'tailor privacy rotate-key --workspace acme',
    'tailor privacy rotate-key --workspace acme --background',
  ],
  async run(ctx, o) {
    const db = await ctx.db();
    const tenant = await cliTenantContext(db, o.workspace ?? '');
    const { version, jobId } = await rotateFieldKey(db, tenant);
    ctx.out(`${tenant.slug}: field key version ${version} is now in use (job ${jobId}).`);
    if (o.background) return 0;
    const started = Date.now();
    let shown = 0;
    // Safe next to the queued job: rows are locked per batch, and a re-sealed row no longer matches.
    const r = await reencryptShoppers(db, tenant.tenantId, {
      onBatch: (p) => {
        if (p.done - shown >= 10_000) {
          shown = p.done;
          ctx.err(`… ${p.done} / ${p.total} shoppers`);
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const c = await encryptionCoverage(db, tenant);
    ctx.out(
      `Re-encrypted ${r.rows} shoppers in ${seconds.toFixed(1)} s; ${c.encrypted} of ${c.shoppersWithPii} now on version ${c.currentVersion}${r.remaining ? ` (${r.remaining} still pending)` : ''}.`,
    );
    return r.remaining === 0 ? 0 : 1;
  },
});

export const privacyRewrapKeys = defineCommand({
  name: 'privacy rewrap-keys',
  summary: "Re-wrap every workspace's data keys under the newest TAILOR_ENCRYPTION_KEYS version.",
  description:
    'After adding a version to TAILOR_ENCRYPTION_KEYS (the master keyring), re-wraps the data keys\n' +
    'still wrapped by an older version; afterwards the old version can be removed. Encrypted\n' +
    'personal data is untouched (the data keys themselves do not change). Safe to run again.',
  options: {
    workspace: { type: 'string', placeholder: 'slug', description: 'Only this workspace (default: all).' },
  },
  examples: ['tailor privacy rewrap-keys', 'tailor privacy rewrap-keys --workspace acme'],
  async run(ctx, o) {
    const db = await ctx.db();
    const tenantId = o.workspace ? (await cliTenantContext(db, o.workspace)).tenantId : undefined;
    const n = await rewrapDataKeys(db, tenantId);
    ctx.out(`Re-wrapped ${n} data key${n === 1 ? '' : 's'} under keyring version ${getKeyring().current}.`);
    return 0;
  },
});
