import { type DbHandle, closeDb, configFromEnv, openDatabase, setDbHandle } from '@/db/client';
import { acquireDataDirLock, releaseDataDirLock } from '@/lib/db-lock/lock';

/**
 * The CLI's database for one command: opened on first use, closed (and the embedded-database
 * lock released) by `close()`. In embedded mode the lock is taken before PGlite touches the
 * folder, so a running server is never disturbed: `DataDirLockedError` explains what to do.
 */
export function createCliDatabase() {
  let opening: Promise<DbHandle> | undefined;
  let locked = false;

  async function open(): Promise<DbHandle> {
    const config = configFromEnv();
    if (config.driver === 'pglite' && config.dataDir) {
      acquireDataDirLock(config.dataDir, 'cli');
      locked = true;
    }
    const handle = await openDatabase(config);
    setDbHandle(handle); // services that call getDb() get the same handle
    return handle;
  }

  return {
    get(): Promise<DbHandle> {
      opening ??= open();
      return opening;
    },
    async close(): Promise<void> {
      try {
        if (opening)
          await opening.then(
            () => closeDb(),
            () => undefined,
          );
      } finally {
        opening = undefined;
        if (locked) releaseDataDirLock();
        locked = false;
      }
    },
  };
}
