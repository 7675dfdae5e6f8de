import { randomBytes } from 'node:crypto';
import { getEnv } from '@/lib/env';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Throws unless `url` points at this machine: tests create and drop databases there. */
export function assertLocalDatabaseUrl(url: string): URL {
  const u = new URL(url);
  if (!LOCAL_HOSTS.has(u.hostname)) {
    throw new Error(`Refusing to run tests against a non-local database (${u.hostname}).`);
  }
  return u;
}

/**
 * Creates an empty, unmigrated database on the TEST_DATABASE_URL server (for tests of the
 * migration path itself). Throws when TEST_DATABASE_URL is unset or not local.
 */
export async function createScratchDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const raw = getEnv().TEST_DATABASE_URL;
  if (!raw) throw new Error('TEST_DATABASE_URL is not set');
  const base = assertLocalDatabaseUrl(raw);
  const name = `tailor_scratch_${randomBytes(6).toString('hex')}`;
  const pg = await import('pg');
  const admin = async (statement: string) => {
    const client = new pg.default.Client({ connectionString: base.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
