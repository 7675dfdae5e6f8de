import { getDbHandle } from '@/db/client';
import { acquireDataDirLock, releaseDataDirLock } from '@/lib/db-lock/lock';
import type { Env } from '@/lib/env';
import { startJobRunner, stopJobRunner } from '@/lib/jobs/start';

/**
 * Opens and migrates the database (holding the embedded folder's lock), seeds the demo workspace
 * on first run, and starts the job runner. Returns the shutdown hook.
 */
export async function bootstrapData(env: Env): Promise<() => Promise<void>> {
  if (env.databaseDriver === 'pglite') await acquireDataDirLock(env.dataDir, 'server', { port: env.PORT });
  const handle = await getDbHandle();
  console.log(
    `  Database: ${handle.driver}${handle.driver === 'pglite' ? ` in ${env.dataDir}` : ''} (pgvector ${handle.hasPgvector ? 'on' : 'off: portable vectors'})`,
  );

  const seed = env.TAILOR_SEED_DEMO ?? env.databaseDriver === 'pglite';
  if (seed) await seedDemo(handle.db);
  await encryptLegacyPersonalData(handle.db);

  console.log(`  Background jobs: ${await startJobRunner()}`);
  return async () => {
    await stopJobRunner();
    if (env.databaseDriver === 'pglite') releaseDataDirLock();
  };
}

/** Workspaces from before field encryption still hold clear emails/names: seal them in the background. */
async function encryptLegacyPersonalData(db: Awaited<ReturnType<typeof getDbHandle>>['db']): Promise<void> {
  const { enqueueEncryptionBackfillIfNeeded } = await import('@/lib/privacy/reencrypt-job');
  const n = await enqueueEncryptionBackfillIfNeeded(db);
  if (n) console.log(`  Encrypting legacy shopper data in ${n} workspace(s)`);
}

async function seedDemo(db: Awaited<ReturnType<typeof getDbHandle>>['db']): Promise<void> {
  const { seedDemoWorkspace, isDemoSeeded } = await import('@/lib/demo/service');
  const first = !(await isDemoSeeded(db));
  if (first) console.log('  Seeding the demo workspace (first run, about half a minute)…');
  let lastPhase = '';
  const result = await seedDemoWorkspace(db, {
    onProgress: (p) => {
      if (p.phase !== lastPhase && p.phase !== 'done') {
        lastPhase = p.phase;
        console.log(`    · ${p.phase}`);
      }
    },
  });
  const c = result.counts;
  console.log(
    `\n  Demo workspace "${result.slug}"${result.created ? ' created' : ''}: ${c.products} products, ${c.shoppers} shoppers, ${c.orders} orders, ${c.events} events` +
      `\n  Sign in as ${result.login.email} / ${result.login.password}\n`,
  );
}
