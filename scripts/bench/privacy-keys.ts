/**
 * Field-encryption figures (`npx tsx scripts/bench/privacy-keys.ts [shoppers]`, default 100,000):
 * seal / open / lookup-hash operations per second on one core, then key-rotation throughput —
 * re-encrypting every shopper of a workspace to a new data-key version — and the legacy backfill
 * (clear email/name → sealed), on a scratch embedded database in a temporary folder with a
 * throw-away keyring. Prints one JSON object.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { shoppers, tenants } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { createFieldKeyVersion } from '@/lib/privacy/keys';
import { getFieldCipher } from '@/lib/privacy/pii';
import { sealShopperPii } from '@/lib/privacy/pii-shoppers';
import { reencryptShoppers } from '@/lib/privacy/reencrypt';
import { generateKeySpec, resetKeyringCache } from '@/lib/secrets/keyring';

const total = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(total) || total < 1) throw new Error('shoppers must be a positive integer');
const OPS = 200_000;
const CHUNK = 5_000;

// A throw-away keyring: the bench never writes a key file into the project's data folder.
process.env.TAILOR_ENCRYPTION_KEYS = generateKeySpec();
resetEnvCache();
resetKeyringCache();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-keys-'));
const h = await openDatabase({ driver: 'pglite', dataDir: dir });

function perSecond(n: number, fn: (i: number) => void): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return Math.round(n / ((performance.now() - t0) / 1000));
}

async function workspace(label: string): Promise<string> {
  const id = randomUUID();
  await h.db.insert(tenants).values({ id, name: `Bench ${label}`, slug: `bench-${label}-${id.slice(0, 8)}` });
  return id;
}

const person = (i: number) => ({ email: `shopper.${i}@example.com`, name: `Shopper Number ${i}` });

try {
  const a = await workspace('rotate');
  const cipher = await getFieldCipher(h.db, a);
  const sealed = Array.from({ length: 1000 }, (_, i) => cipher.seal(person(i).email));
  const ops = {
    sealPerSecond: perSecond(OPS, (i) => cipher.seal(person(i).email)),
    openPerSecond: perSecond(OPS, (i) => cipher.open(sealed[i % 1000]!)),
    lookupHashPerSecond: perSecond(OPS, (i) => cipher.lookupHash(person(i).email)),
  };
  process.stderr.write(`ops: ${JSON.stringify(ops)}\n`);

  // Workspace A: every shopper sealed under v1, then rotated to v2.
  for (let done = 0; done < total; done += CHUNK) {
    const rows = [];
    for (let i = done; i < Math.min(total, done + CHUNK); i++) {
      const p = person(i);
      const s = sealShopperPii(cipher, p.email, p.name);
      rows.push({
        tenantId: a,
        kind: 'customer',
        externalId: `c${i}`,
        emailHash: s.emailHash,
        emailEnc: s.emailEnc,
        nameEnc: s.nameEnc,
        piiKeyVersion: s.piiKeyVersion,
      });
    }
    await h.db.insert(shoppers).values(rows);
  }
  const version = await createFieldKeyVersion(h.db, a);
  let t0 = performance.now();
  const rotated = await reencryptShoppers(h.db, a, {
    onBatch: (p) => {
      if (p.done % 20_000 === 0) process.stderr.write(`re-encrypted ${p.done} / ${p.total}\n`);
    },
  });
  const rotateSeconds = (performance.now() - t0) / 1000;

  // Workspace B: legacy clear rows, backfilled.
  const b = await workspace('backfill');
  for (let done = 0; done < total; done += CHUNK) {
    const rows = [];
    for (let i = done; i < Math.min(total, done + CHUNK); i++) {
      rows.push({ tenantId: b, kind: 'customer', externalId: `c${i}`, ...person(i) });
    }
    await h.db.insert(shoppers).values(rows);
  }
  t0 = performance.now();
  const backfilled = await reencryptShoppers(h.db, b);
  const backfillSeconds = (performance.now() - t0) / 1000;

  console.log(
    JSON.stringify(
      {
        ...ops,
        rotation: {
          shoppers: rotated.rows,
          toVersion: version,
          seconds: Number(rotateSeconds.toFixed(2)),
          rowsPerSecond: Math.round(rotated.rows / rotateSeconds),
          remaining: rotated.remaining,
        },
        backfill: {
          shoppers: backfilled.rows,
          seconds: Number(backfillSeconds.toFixed(2)),
          rowsPerSecond: Math.round(backfilled.rows / backfillSeconds),
          remaining: backfilled.remaining,
        },
      },
      null,
      2,
    ),
  );
} finally {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
