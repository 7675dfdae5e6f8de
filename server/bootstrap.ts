import { getDbHandle } from '@/db/client';
import type { Env } from '@/lib/env';

/**
 * Opens and migrates the database, seeds the demo workspace on first run, starts the job runner.
 * Returns the shutdown hook. Filled in as the pieces land (lock, demo, jobs).
 */
export async function bootstrapData(env: Env): Promise<() => Promise<void>> {
  const handle = await getDbHandle();
  console.log(`  Database: ${handle.driver}${handle.driver === 'pglite' ? ` in ${env.dataDir}` : ''} (pgvector ${handle.hasPgvector ? 'on' : 'off: portable vectors'})`);
  return async () => undefined;
}
