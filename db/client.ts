import fs from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { getEnv } from '@/lib/env';
import { log } from '@/lib/log';
import { logSlowStatements } from './slow-statements';
import * as schema from './schema';

/** The one database type every query function takes, whatever the driver. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** Either the database or an open transaction: query functions accept both. */
export type Executor = Db | Tx;

export type DbConfig =
  | { driver: 'pglite'; dataDir: string | null } // null → in memory (tests)
  | { driver: 'node-postgres'; url: string }
  | { driver: 'vercel-postgres'; url: string };

export interface DbHandle {
  db: Db;
  driver: DbConfig['driver'];
  hasPgvector: boolean;
  close(): Promise<void>;
  /** Server drivers: one checked-out connection, so a session-level advisory lock is taken and released on it. */
  lockConnection?: () => Promise<{ query(sql: string): Promise<unknown>; release(): void }>;
}

const MIGRATIONS = path.resolve(process.cwd(), 'db/migrations');

/** Opens a connection with the chosen driver and applies pending migrations. */
export async function openDatabase(config: DbConfig): Promise<DbHandle> {
  const handle = await connect(config);
  await migrate(handle, config.driver);
  const r = await handle.db.execute(
    "select exists(select 1 from pg_extension where extname = 'vector') as ok",
  );
  handle.hasPgvector = Boolean(rowsOf<{ ok: boolean }>(r)[0]?.ok);
  return handle;
}

async function connect(config: DbConfig): Promise<DbHandle> {
  if (config.driver === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { vector } = await import('@electric-sql/pglite-pgvector');
    const { drizzle } = await import('drizzle-orm/pglite');
    let dataDir: string | undefined;
    if (config.dataDir) {
      dataDir = path.join(/*turbopackIgnore: true*/ config.dataDir, 'pg');
      fs.mkdirSync(dataDir, { recursive: true }); // PGlite does not create parent folders
    }
    const client = await PGlite.create(dataDir, { extensions: { vector } });
    logSlowStatements(client as unknown as Parameters<typeof logSlowStatements>[0]);
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      driver: 'pglite',
      hasPgvector: false,
      close: () => client.close(),
    };
  }
  if (config.driver === 'node-postgres') {
    const pg = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.default.Pool({ connectionString: config.url, max: 10 });
    pool.on('error', onIdleConnectionLost);
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      driver: 'node-postgres',
      hasPgvector: false,
      close: () => pool.end(),
      lockConnection: () => pool.connect(),
    };
  }
  const { createPool } = await import('@vercel/postgres');
  const { drizzle } = await import('drizzle-orm/vercel-postgres');
  const pool = createPool({ connectionString: config.url });
  pool.on('error', onIdleConnectionLost);
  return {
    db: drizzle(pool, { schema }) as unknown as Db,
    driver: 'vercel-postgres',
    hasPgvector: false,
    close: () => pool.end(),
    lockConnection: () => pool.connect(),
  };
}

/**
 * The server can end an idle pooled connection (a restart, a failover, pg_terminate_backend). The
 * pool then drops that client and emits 'error'; without a listener Node treats the event as an
 * uncaught exception and the whole process stops. The next query simply opens a new connection.
 */
function onIdleConnectionLost(error: Error): void {
  log('warn', 'db.idle_connection_lost', { error });
}

async function migrate(handle: DbHandle, driver: DbConfig['driver']): Promise<void> {
  const options = { migrationsFolder: MIGRATIONS };
  // Several processes may start at once against one server: serialize migrations with an advisory
  // lock held on one dedicated connection (a pool could unlock on a different one).
  const lock = await handle.lockConnection?.();
  await lock?.query('select pg_advisory_lock(727274)');
  try {
    if (driver === 'pglite') {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(handle.db as never, options);
    } else if (driver === 'node-postgres') {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      await run(handle.db as never, options);
    } else {
      const { migrate: run } = await import('drizzle-orm/vercel-postgres/migrator');
      await run(handle.db as never, options);
    }
    // Every tenant table gets the row-level-security wall, including tables added by later
    // migrations that did not enable it themselves (idempotent; see 0002_guards.sql).
    await handle.db.execute(`
      select tailor_enable_tenant_rls(c.oid::regclass)
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind = 'r' and n.nspname = current_schema() and not c.relrowsecurity`);
  } finally {
    if (lock) {
      await lock.query('select pg_advisory_unlock(727274)').catch(() => undefined);
      lock.release();
    }
  }
}

/** Normalizes `db.execute` results: node-postgres and PGlite return `{ rows }`, others arrays. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The configuration `getDb()` uses, from the validated environment. */
export function configFromEnv(): DbConfig {
  const env = getEnv();
  if (env.DATABASE_URL) return { driver: 'node-postgres', url: env.DATABASE_URL };
  if (env.POSTGRES_URL) return { driver: 'vercel-postgres', url: env.POSTGRES_URL };
  return { driver: 'pglite', dataDir: env.dataDir };
}

// One handle per process, shared by Next's bundle and the custom server (two module graphs,
// one globalThis): the embedded database can be open only once.
const g = globalThis as unknown as { __tailorDb?: Promise<DbHandle>; __tailorDbOpen?: Db };

/** The process-wide database handle, opened and migrated on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!g.__tailorDb) {
    const opening: Promise<DbHandle> = openDatabase(configFromEnv()).then(
      (h) => {
        if (g.__tailorDb === opening) g.__tailorDbOpen = h.db;
        return h;
      },
      (e) => {
        g.__tailorDb = undefined;
        throw e;
      },
    );
    g.__tailorDb = opening;
  }
  return g.__tailorDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/**
 * The process database, synchronously once it is open: the hot storefront endpoints call this on
 * every request, and awaiting an already-open handle cost them a turn of the microtask queue.
 */
export function getDbNow(): Db | Promise<Db> {
  return g.__tailorDbOpen ?? getDb();
}

/** The process database if one is already open (or opening), else null; never opens one. */
export function peekDb(): Promise<Db> | null {
  const handle = g.__tailorDb;
  return handle ? handle.then((h) => h.db) : null;
}

/** Installs a specific handle as the process database (tests, CLI with an explicit config). */
export function setDbHandle(handle: DbHandle | undefined): void {
  g.__tailorDb = handle ? Promise.resolve(handle) : undefined;
  g.__tailorDbOpen = handle?.db;
}

export async function closeDb(): Promise<void> {
  const h = g.__tailorDb;
  g.__tailorDb = undefined;
  g.__tailorDbOpen = undefined;
  if (h) await (await h).close();
}
