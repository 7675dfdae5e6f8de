import crypto from 'node:crypto';
import { and, eq, isNull, max, ne } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '@/db/client';
import { dataKeys } from '@/db/schema';
import { decryptSecret, encryptSecret } from '@/lib/secrets/cipher';
import { type Keyring, getKeyring } from '@/lib/secrets/keyring';

/**
 * Envelope encryption of personal fields: each workspace has random 32-byte data keys (`fields`,
 * versioned and rotatable; `lookup`, one key for keyed hashes), stored wrapped by the deployment
 * keyring (TAILOR_ENCRYPTION_KEYS). Unwrapped keys are cached per workspace in memory.
 */

export type DataKeyPurpose = 'fields' | 'lookup';

/** A workspace's unwrapped keys: every `fields` version (all decrypt, `current` encrypts) and the lookup key. */
export interface TenantKeys {
  tenantId: string;
  current: number;
  fields: ReadonlyMap<number, Buffer>;
  lookup: Buffer;
}

const KEY_BYTES = 32;
/** Other processes may rotate: a cached key set is re-read after this long (ms). */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; keys: TenantKeys }>();
/**
 * Keys this process inserted inside a caller's transaction, by tenant: until that transaction is
 * seen to have committed (another executor reads the row), they are not cached, so a rollback
 * cannot leave a key in memory that the database never kept.
 */
const createdIn = new Map<string, object>();

/** The keyring context that binds a wrapped key to its workspace, purpose and version. */
export function wrapContext(tenantId: string, purpose: DataKeyPurpose, version: number): string {
  return `data-key:${tenantId}:${purpose}:${version}`;
}

function wrapKey(tenantId: string, purpose: DataKeyPurpose, version: number, key: Buffer, keyring?: Keyring) {
  return encryptSecret(key.toString('base64'), { context: wrapContext(tenantId, purpose, version), keyring });
}

function unwrapKey(row: { tenantId: string; purpose: DataKeyPurpose; version: number; wrapped: string }) {
  const b64 = decryptSecret(row.wrapped, { context: wrapContext(row.tenantId, row.purpose, row.version) });
  return Buffer.from(b64, 'base64');
}

async function insertKey(exec: Executor, tenantId: string, purpose: DataKeyPurpose, version: number) {
  const sealed = wrapKey(tenantId, purpose, version, crypto.randomBytes(KEY_BYTES));
  const rows = await exec
    .insert(dataKeys)
    .values({ tenantId, purpose, version, wrapped: sealed.value, kekVersion: sealed.keyVersion })
    .onConflictDoNothing()
    .returning({ version: dataKeys.version });
  if (rows.length > 0 && exec instanceof PgTransaction) createdIn.set(tenantId, exec);
  return rows.length > 0;
}

async function readKeys(exec: Executor, tenantId: string) {
  return exec
    .select()
    .from(dataKeys)
    .where(eq(dataKeys.tenantId, tenantId))
    .orderBy(dataKeys.purpose, dataKeys.version);
}

/**
 * The workspace's unwrapped keys, creating `fields` v1 and the lookup key on first use
 * (race-safe: insert … on conflict do nothing, then read). Cached for 60 s.
 * @throws SecretDecryptError when the keyring cannot unwrap a stored key (missing KEK version).
 */
export async function getTenantKeys(exec: Executor, tenantId: string, fresh = false): Promise<TenantKeys> {
  const hit = cache.get(tenantId);
  if (!fresh && hit && Date.now() - hit.at < CACHE_MS) return hit.keys;
  let rows = await readKeys(exec, tenantId);
  const has = (p: DataKeyPurpose) => rows.some((r) => r.purpose === p);
  if (!has('fields') || !has('lookup')) {
    if (!has('fields')) await insertKey(exec, tenantId, 'fields', 1);
    if (!has('lookup')) await insertKey(exec, tenantId, 'lookup', 1);
    rows = await readKeys(exec, tenantId);
  }
  const fields = new Map<number, Buffer>();
  let lookup: Buffer | undefined;
  for (const row of rows) {
    const key = unwrapKey(row);
    if (row.purpose === 'fields') fields.set(row.version, key);
    else lookup ??= key;
  }
  if (fields.size === 0 || !lookup) throw new Error('Workspace data keys could not be created.');
  const keys: TenantKeys = { tenantId, current: Math.max(...fields.keys()), fields, lookup };
  const pendingTx = createdIn.get(tenantId);
  if (pendingTx === undefined || pendingTx !== exec) {
    createdIn.delete(tenantId);
    cache.set(tenantId, { at: Date.now(), keys });
  }
  return keys;
}

/** Drops the cached keys of one workspace (after a rotation), or of all (tests, KEK rewrap). */
export function invalidateTenantKeys(tenantId?: string): void {
  if (tenantId === undefined) cache.clear();
  else cache.delete(tenantId);
}

/**
 * Adds the next `fields` version and marks the previous current one retired (it still decrypts).
 * Two concurrent rotations both end at one new version. Returns the new current version.
 */
export async function createFieldKeyVersion(exec: Executor, tenantId: string): Promise<number> {
  await getTenantKeys(exec, tenantId, true);
  const [row] = await exec
    .select({ v: max(dataKeys.version) })
    .from(dataKeys)
    .where(and(eq(dataKeys.tenantId, tenantId), eq(dataKeys.purpose, 'fields')));
  const next = (row?.v ?? 0) + 1;
  await insertKey(exec, tenantId, 'fields', next);
  await exec
    .update(dataKeys)
    .set({ retiredAt: new Date() })
    .where(
      and(
        eq(dataKeys.tenantId, tenantId),
        eq(dataKeys.purpose, 'fields'),
        ne(dataKeys.version, next),
        isNull(dataKeys.retiredAt),
      ),
    );
  invalidateTenantKeys(tenantId);
  return (await getTenantKeys(exec, tenantId, true)).current;
}

/**
 * Re-wraps every data key (of one workspace, or of all when `tenantId` is omitted) whose KEK
 * version is not the keyring's current one — run after adding a version to
 * TAILOR_ENCRYPTION_KEYS, before removing the old one. Data ciphertexts are untouched (the data
 * keys do not change). Returns how many keys were re-wrapped.
 * @throws SecretDecryptError when a key's KEK version is already missing from the keyring.
 */
export async function rewrapDataKeys(exec: Executor, tenantId?: string): Promise<number> {
  const keyring = getKeyring();
  const stale = await exec
    .select()
    .from(dataKeys)
    .where(
      and(
        ne(dataKeys.kekVersion, keyring.current),
        tenantId === undefined ? undefined : eq(dataKeys.tenantId, tenantId),
      ),
    );
  let n = 0;
  for (const row of stale) {
    const sealed = wrapKey(row.tenantId, row.purpose, row.version, unwrapKey(row), keyring);
    const done = await exec
      .update(dataKeys)
      .set({ wrapped: sealed.value, kekVersion: sealed.keyVersion })
      .where(
        and(
          eq(dataKeys.tenantId, row.tenantId),
          eq(dataKeys.purpose, row.purpose),
          eq(dataKeys.version, row.version),
          eq(dataKeys.wrapped, row.wrapped),
        ),
      )
      .returning({ v: dataKeys.version });
    n += done.length;
  }
  invalidateTenantKeys();
  return n;
}
