import crypto from 'node:crypto';
import type { Executor } from '@/db/client';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { getTenantKeys, type TenantKeys } from './keys';

/**
 * Personal fields at rest: AES-256-GCM under the workspace's current `fields` data key, AAD
 * `pii:<tenantId>` (a ciphertext copied into another workspace does not open), written as
 * `f<version>:<iv b64>:<tag b64>:<ct b64>`. Lookups go through an HMAC-SHA256 under the
 * workspace's `lookup` key, so an email can be found without being stored in clear.
 */

/** A sealed value that cannot be opened: malformed, tampered, another workspace's, or an unknown key version. */
export class PiiDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PiiDecryptError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^f(\d{1,6}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)$/;

/** How lookup values are compared: trimmed, Unicode NFC, lower-cased (emails are case-insensitive in practice). */
export function normalizeLookup(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** The `fields` key version named in a sealed value, or null when it is not one. */
export function piiVersionOf(sealed: string): number | null {
  const m = /^f(\d{1,6}):/.exec(sealed);
  return m ? Number(m[1]) : null;
}

/** Synchronous sealing bound to one workspace's unwrapped keys: for bulk paths (no await per row). */
export interface FieldCipher {
  readonly tenantId: string;
  /** The `fields` version `seal` uses. */
  readonly version: number;
  seal(plaintext: string): string;
  /** @throws PiiDecryptError (never echoes the value). */
  open(sealed: string): string;
  /** HMAC-SHA256 hex of the normalized value under the lookup key. */
  lookupHash(value: string): string;
  /** First 24 hex of HMAC(`shopper:<id>`): how audit entries and ad exports name a shopper. */
  pseudonym(shopperId: string): string;
}

function cipherFor(keys: TenantKeys): FieldCipher {
  const aad = Buffer.from(`pii:${keys.tenantId}`, 'utf8');
  const current = keys.fields.get(keys.current)!;
  const hmac = (text: string) => crypto.createHmac('sha256', keys.lookup).update(text, 'utf8').digest('hex');
  return {
    tenantId: keys.tenantId,
    version: keys.current,
    seal(plaintext) {
      const iv = crypto.randomBytes(IV_BYTES);
      const c = crypto.createCipheriv('aes-256-gcm', current, iv);
      c.setAAD(aad);
      const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return `f${keys.current}:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${ct.toString('base64')}`;
    },
    open(sealed) {
      const m = SEALED.exec(sealed);
      if (!m) throw new PiiDecryptError('Malformed encrypted personal field.');
      const version = Number(m[1]);
      const key = keys.fields.get(version);
      if (!key) throw new PiiDecryptError(`Personal field sealed with unknown data-key version ${version}.`);
      const iv = Buffer.from(m[2]!, 'base64');
      const tag = Buffer.from(m[3]!, 'base64');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new PiiDecryptError('Malformed encrypted personal field.');
      }
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
        d.setAAD(aad);
        d.setAuthTag(tag);
        return Buffer.concat([d.update(Buffer.from(m[4]!, 'base64')), d.final()]).toString('utf8');
      } catch {
        throw new PiiDecryptError(
          'Encrypted personal field failed authentication (wrong workspace or tampered).',
        );
      }
    },
    lookupHash: (value) => hmac(normalizeLookup(value)),
    pseudonym: (shopperId) => hmac(`shopper:${shopperId}`).slice(0, 24),
  };
}

/**
 * The workspace's cipher (keys created on first use). Pass `minVersion` (the highest version seen
 * in the rows about to be opened) so keys rotated by another process are re-read instead of failing.
 * @throws SecretDecryptError when the deployment keyring cannot unwrap the workspace's keys.
 */
export async function getFieldCipher(exec: Executor, tenantId: string, minVersion = 0): Promise<FieldCipher> {
  let keys = await getTenantKeys(exec, tenantId);
  if (minVersion > keys.current) keys = await getTenantKeys(exec, tenantId, true);
  return cipherFor(keys);
}

/** Seals one value under the workspace's current `fields` key → `f<version>:<iv>:<tag>:<ct>`. */
export async function sealPii(exec: Executor, tenantId: string, plaintext: string): Promise<string> {
  return (await getFieldCipher(exec, tenantId)).seal(plaintext);
}

/**
 * Opens a sealed value (null stays null).
 * @throws PiiDecryptError when malformed, tampered, or sealed for another workspace.
 */
export async function openPii(
  exec: Executor,
  tenantId: string,
  sealed: string | null,
): Promise<string | null> {
  if (sealed === null) return null;
  return (await getFieldCipher(exec, tenantId, piiVersionOf(sealed) ?? 0)).open(sealed);
}

/** HMAC-SHA256 (hex, 64 chars) of the normalized value under the workspace's lookup key. */
export async function lookupHash(exec: Executor, tenantId: string, value: string): Promise<string> {
  return (await getFieldCipher(exec, tenantId)).lookupHash(value);
}

/** A stable, workspace-specific pseudonym for a shopper (24 hex chars); not reversible without the key. */
export async function pseudonymOf(exec: Executor, tenantId: string, shopperId: string): Promise<string> {
  return (await getFieldCipher(exec, tenantId)).pseudonym(shopperId);
}

const DOT = '\u2022\u2022\u2022';

/** `jane.doe@example.com` → `j•••@example.com`; a value without `@` keeps its first character only. */
export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  const first = Array.from(email.trim())[0] ?? '';
  return at > 0 ? `${first}${DOT}${email.slice(at)}` : `${first}${DOT}`;
}

/** `Jane Doe` → `J. D•••`; a single word → `J•••`. */
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initial = (w: string | undefined) => Array.from(w ?? '')[0] ?? '';
  if (words.length === 0) return '';
  if (words.length === 1) return `${initial(words[0])}${DOT}`;
  return `${initial(words[0])}. ${initial(words[words.length - 1])}${DOT}`;
}

/** True when the actor may see shoppers' email and name in clear (`shoppers.pii`). */
export function canSeePii(ctx: TenantContext): boolean {
  return hasPermission(ctx, 'shoppers.pii');
}

/** A shopper row's personal columns as stored: sealed ones, plus legacy clear ones until backfilled. */
export interface StoredShopperPii {
  email?: string | null;
  name?: string | null;
  emailEnc: string | null;
  nameEnc: string | null;
}

export type ShopperPiiView<T> = Omit<T, 'emailEnc' | 'nameEnc'> & {
  email: string | null;
  name: string | null;
};

/** Shown instead of a value whose key is unavailable (keyring missing a version, tampered row). */
export const UNREADABLE = '(encrypted: key unavailable)';

/**
 * Decrypts `email`/`name` of rows for display — one key load for the whole list — and masks
 * them unless `clear` (decide with `canSeePii(ctx)` in the service, not in the page). Legacy
 * clear columns are used while a row is not yet backfilled. A value that cannot be opened
 * reads as UNREADABLE instead of failing the page.
 */
export async function shopperPii<T extends StoredShopperPii>(
  exec: Executor,
  tenantId: string,
  rows: readonly T[],
  clear: boolean,
): Promise<ShopperPiiView<T>[]> {
  let minVersion = 0;
  for (const r of rows) {
    for (const s of [r.emailEnc, r.nameEnc]) if (s) minVersion = Math.max(minVersion, piiVersionOf(s) ?? 0);
  }
  const cipher = minVersion > 0 ? await getFieldCipher(exec, tenantId, minVersion) : null;
  const open = (sealed: string | null, legacy: string | null | undefined) => {
    if (sealed === null || !cipher) return legacy ?? null;
    try {
      return cipher.open(sealed);
    } catch {
      return null;
    }
  };
  return rows.map((r) => {
    const { emailEnc, nameEnc, ...rest } = r;
    const email = open(emailEnc, r.email);
    const name = open(nameEnc, r.name);
    const bad = (sealed: string | null, v: string | null) => sealed !== null && v === null;
    return {
      ...rest,
      email: bad(emailEnc, email) ? UNREADABLE : clear ? email : maskEmail(email),
      name: bad(nameEnc, name) ? UNREADABLE : clear ? name : maskName(name),
    };
  });
}

/**
 * Whether a query made for `ctx` returns email/name in clear: only with `shoppers.pii`. A
 * context without a role (internal callers passing just the tenant id) gets masked values.
 */
export function piiClearFor(ctx: Pick<TenantContext, 'tenantId'> & Partial<TenantContext>): boolean {
  return ctx.role !== undefined && canSeePii(ctx as TenantContext);
}
