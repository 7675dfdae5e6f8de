import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { dataKeys, jobs } from '@/db/schema';
import { forbidden } from '@/lib/errors';
import { hasPermission, type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { getTenantKeys } from './keys';
import { REENCRYPT_JOB_TYPE } from './reencrypt-job';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** How much of the workspace's personal data is encrypted, for Privacy → Encryption and the overview. */
export interface EncryptionCoverage {
  /** Shoppers holding an email or a name (clear or sealed). */
  shoppersWithPii: number;
  /** Of those, sealed under the current key version with no clear copy left. */
  encrypted: number;
  /** Shoppers whose email or name is still in the legacy clear columns. */
  clearLegacy: number;
  /** Sealed under an older key version (no clear copy): waiting for re-encryption. */
  staleVersion: number;
  currentVersion: number;
  /** When the current `fields` key version was created. */
  keyCreatedAt: Date;
}

/** Reads the coverage (creates the workspace's keys when it has none yet). No permission check. */
export async function encryptionCoverage(exec: Executor, ctx: Tenant): Promise<EncryptionCoverage> {
  const keys = await getTenantKeys(exec, ctx.tenantId);
  const v = keys.current;
  const [row] = rowsOf<Record<string, number>>(
    await exec.execute(sql`select
        count(*) filter (where email is not null or name is not null
          or email_enc is not null or name_enc is not null)::int as with_pii,
        count(*) filter (where email is null and name is null
          and (email_enc is not null or name_enc is not null) and pii_key_version = ${v})::int as encrypted,
        count(*) filter (where email is not null or name is not null)::int as clear_legacy,
        count(*) filter (where email is null and name is null
          and (email_enc is not null or name_enc is not null)
          and pii_key_version is distinct from ${v})::int as stale
      from shoppers where tenant_id = ${ctx.tenantId}`),
  );
  const [key] = await exec
    .select({ createdAt: dataKeys.createdAt })
    .from(dataKeys)
    .where(and(tenantFilter(ctx, dataKeys), eq(dataKeys.purpose, 'fields'), eq(dataKeys.version, v)));
  return {
    shoppersWithPii: Number(row?.with_pii ?? 0),
    encrypted: Number(row?.encrypted ?? 0),
    clearLegacy: Number(row?.clear_legacy ?? 0),
    staleVersion: Number(row?.stale ?? 0),
    currentVersion: v,
    keyCreatedAt: key?.createdAt ?? new Date(),
  };
}

export interface KeyVersionRow {
  version: number;
  createdAt: Date;
  retiredAt: Date | null;
  /** Shoppers sealed under this version. */
  rows: number;
  /** Which keyring (TAILOR_ENCRYPTION_KEYS) version wraps it. */
  kekVersion: number;
}

export interface ReencryptJobState {
  id: string;
  status: string;
  done: number;
  total: number | null;
  message: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface EncryptionStatus {
  coverage: EncryptionCoverage;
  versions: KeyVersionRow[];
  job: ReencryptJobState | null;
  canManage: boolean;
}

/**
 * Everything Privacy → Encryption shows: coverage, the `fields` key versions (newest first) with
 * their row counts, and the latest re-encryption job.
 * @throws AppError forbidden without privacy.read.
 */
export async function getEncryptionStatus(exec: Executor, ctx: TenantContext): Promise<EncryptionStatus> {
  if (!hasPermission(ctx, 'privacy.read'))
    throw forbidden('Your role does not allow viewing privacy settings.');
  const coverage = await encryptionCoverage(exec, ctx);
  const keys = await exec
    .select()
    .from(dataKeys)
    .where(and(tenantFilter(ctx, dataKeys), eq(dataKeys.purpose, 'fields')))
    .orderBy(desc(dataKeys.version));
  const counts = rowsOf<{ v: number; n: number }>(
    await exec.execute(sql`select pii_key_version as v, count(*)::int as n from shoppers
      where tenant_id = ${ctx.tenantId} and pii_key_version is not null group by pii_key_version`),
  );
  const byVersion = new Map(counts.map((c) => [Number(c.v), Number(c.n)]));
  const [job] = await exec
    .select()
    .from(jobs)
    .where(and(tenantFilter(ctx, jobs), eq(jobs.type, REENCRYPT_JOB_TYPE)))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return {
    coverage,
    versions: keys.map((k) => ({
      version: k.version,
      createdAt: k.createdAt,
      retiredAt: k.retiredAt,
      rows: byVersion.get(k.version) ?? 0,
      kekVersion: k.kekVersion,
    })),
    job: job
      ? {
          id: job.id,
          status: job.status,
          done: job.progressDone,
          total: job.progressTotal,
          message: job.progressMessage,
          createdAt: job.createdAt,
          finishedAt: job.finishedAt,
        }
      : null,
    canManage: hasPermission(ctx, 'privacy.manage'),
  };
}
