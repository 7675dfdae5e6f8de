import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { shoppers } from '@/db/schema';
import { type FieldCipher, getFieldCipher, PiiDecryptError } from './pii';

/**
 * How shoppers' email and name are written: sealed (`email_enc`, `name_enc`), with the keyed
 * `email_hash` for lookups and the key version, and the legacy clear columns emptied.
 */

/** The personal columns of a shopper as written; the clear ones are always null. */
export interface SealedShopperPii {
  emailHash: string | null;
  emailEnc: string | null;
  nameEnc: string | null;
  piiKeyVersion: number | null;
  emailClear: null;
  nameClear: null;
}

/** Blank means absent: a sealed value is never empty, so "missing email" stays countable. */
const blankToNull = (v: string | null | undefined) => (v?.trim() ? v : null);

/** Seals one shopper's email and name with a bound cipher (sync, for bulk inserts). */
export function sealShopperPii(
  cipher: FieldCipher,
  rawEmail: string | null,
  rawName: string | null,
): SealedShopperPii {
  const email = blankToNull(rawEmail);
  const name = blankToNull(rawName);
  const any = email !== null || name !== null;
  return {
    emailHash: email === null ? null : cipher.lookupHash(email),
    emailEnc: email === null ? null : cipher.seal(email),
    nameEnc: name === null ? null : cipher.seal(name),
    piiKeyVersion: any ? cipher.version : null,
    emailClear: null,
    nameClear: null,
  };
}

/**
 * Rows for a direct insert into `shoppers` (demo seed, fixtures): `email`/`name` replaced by
 * their sealed columns, the clear ones null.
 */
export async function sealShopperInsertRows<R extends { email?: string | null; name?: string | null }>(
  exec: Executor,
  tenantId: string,
  rows: readonly R[],
): Promise<R[]> {
  const cipher = await getFieldCipher(exec, tenantId);
  return rows.map((r) => {
    if ((r.email ?? null) === null && (r.name ?? null) === null) return r;
    const s = sealShopperPii(cipher, r.email ?? null, r.name ?? null);
    return {
      ...r,
      email: null,
      name: null,
      emailHash: s.emailHash,
      emailEnc: s.emailEnc,
      nameEnc: s.nameEnc,
      piiKeyVersion: s.piiKeyVersion,
    };
  });
}

type StoredRow = {
  externalId: string | null;
  email: string | null;
  name: string | null;
  emailHash: string | null;
  emailEnc: string | null;
  nameEnc: string | null;
  piiKeyVersion: number | null;
};

const LOOKUP_CHUNK = 500;

async function storedByExternalId(exec: Executor, tenantId: string, ids: string[]) {
  const out = new Map<string, StoredRow>();
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const rows = await exec
      .select({
        externalId: shoppers.externalId,
        email: shoppers.email,
        name: shoppers.name,
        emailHash: shoppers.emailHash,
        emailEnc: shoppers.emailEnc,
        nameEnc: shoppers.nameEnc,
        piiKeyVersion: shoppers.piiKeyVersion,
      })
      .from(shoppers)
      .where(
        and(eq(shoppers.tenantId, tenantId), inArray(shoppers.externalId, ids.slice(i, i + LOOKUP_CHUNK))),
      );
    for (const r of rows) if (r.externalId !== null) out.set(r.externalId, r);
  }
  return out;
}

/**
 * Maps upsert records (by external id) to their sealed personal columns. A record that defines
 * neither `email` nor `name` gets none (its stored values are kept). One that defines either is
 * compared, in clear, with the stored row: when nothing changes and the row is already sealed
 * under the current key, the stored ciphertexts are reused so the upsert sees no change and does
 * not rewrite it; otherwise both fields are (re)sealed under the current key — an undefined field
 * keeps its stored value, re-sealed.
 * @throws PiiDecryptError when a stored value that must be re-sealed cannot be opened.
 */
export async function sealShopperRecords<
  R extends { externalId: string; email?: string | null; name?: string | null },
>(
  exec: Executor,
  tenantId: string,
  records: readonly R[],
): Promise<(Omit<R, 'email' | 'name'> & Partial<SealedShopperPii>)[]> {
  const touched = records.filter((r) => r.email !== undefined || r.name !== undefined);
  if (touched.length === 0) return records.map(({ email: _e, name: _n, ...rest }) => rest);
  const cipher = await getFieldCipher(exec, tenantId);
  const stored = await storedByExternalId(
    exec,
    tenantId,
    touched.map((r) => r.externalId),
  );
  const open = (sealed: string | null, legacy: string | null) =>
    sealed === null ? legacy : cipher.open(sealed);
  return records.map((r) => {
    const { email: recEmail, name: recName, ...rest } = r;
    if (recEmail === undefined && recName === undefined) return rest;
    const s = stored.get(r.externalId);
    let storedEmail: string | null = null;
    let storedName: string | null = null;
    if (s) {
      try {
        storedEmail = open(s.emailEnc, s.email);
        storedName = open(s.nameEnc, s.name);
      } catch (error) {
        // Both fields are given: the unreadable stored values are simply replaced.
        if (!(error instanceof PiiDecryptError) || recEmail === undefined || recName === undefined)
          throw error;
      }
    }
    const email = blankToNull(recEmail === undefined ? storedEmail : recEmail);
    const name = blankToNull(recName === undefined ? storedName : recName);
    const unchanged =
      s !== undefined &&
      s.email === null &&
      s.name === null &&
      (s.piiKeyVersion === cipher.version || (s.emailEnc === null && s.nameEnc === null)) &&
      email === storedEmail &&
      name === storedName;
    if (unchanged) {
      return {
        ...rest,
        emailHash: s.emailHash,
        emailEnc: s.emailEnc,
        nameEnc: s.nameEnc,
        piiKeyVersion: s.piiKeyVersion,
        emailClear: null,
        nameClear: null,
      };
    }
    return { ...rest, ...sealShopperPii(cipher, email, name) };
  });
}

/** A customer's email and name in clear, by external id (tests, support tools); null when not found. */
export async function getShopperPiiByExternalId(
  exec: Executor,
  tenantId: string,
  externalId: string,
): Promise<{ email: string | null; name: string | null } | null> {
  const s = (await storedByExternalId(exec, tenantId, [externalId])).get(externalId);
  if (!s) return null;
  if (s.emailEnc === null && s.nameEnc === null) return { email: s.email, name: s.name };
  const cipher = await getFieldCipher(exec, tenantId, s.piiKeyVersion ?? 0);
  return {
    email: s.emailEnc === null ? s.email : cipher.open(s.emailEnc),
    name: s.nameEnc === null ? s.name : cipher.open(s.nameEnc),
  };
}
