import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { type DbHandle, openDatabase, setDbHandle } from '@/db/client';
import { getEnv } from '@/lib/env';

export type TestDriver = 'pglite' | 'postgres';

/** PGlite always; a real Postgres too when TEST_DATABASE_URL is set (CI starts one). */
export function testDrivers(): TestDriver[] {
  return getEnv().TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Opens a fresh, migrated database for one test file: in-memory PGlite, or a new throw-away
 * database on the TEST_DATABASE_URL server (dropped afterwards). Refuses non-local servers.
 */
export async function openTestDatabase(driver: TestDriver): Promise<DbHandle & { dispose(): Promise<void> }> {
  if (driver === 'pglite') {
    const h = await openDatabase({ driver: 'pglite', dataDir: null });
    return { ...h, dispose: () => h.close() };
  }
  const base = new URL(getEnv().TEST_DATABASE_URL!);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(base.hostname)) {
    throw new Error(`Refusing to run tests against a non-local database (${base.hostname}).`);
  }
  const name = `tailor_test_${randomBytes(6).toString('hex')}`;
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const h = await openDatabase({ driver: 'node-postgres', url: url.toString() });
  return {
    ...h,
    async dispose() {
      await h.close();
      const a = new pg.default.Client({ connectionString: base.toString() });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * In a describe block: a fresh database for the block, installed as the process database so
 * services that call `getDb()` use it too. Returns a getter.
 */
export function useTestDatabase(driver: TestDriver): () => DbHandle {
  let handle: (DbHandle & { dispose(): Promise<void> }) | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    setDbHandle(handle);
  });
  afterAll(async () => {
    setDbHandle(undefined);
    await handle?.dispose();
  });
  return () => {
    if (!handle) throw new Error('test database not open yet');
    return handle;
  };
}
