/**
 * After a batch of shopper data lands (the demo seed, a file import): rebuild every profile (which
 * rediscovers the segments when it ends) and retrain the predictions. Both are deduplicated jobs,
 * so a burst of imports queues each once. Never throws: the data is stored either way, and the
 * schedules and the incremental profile refresh catch up.
 */
import type { Db } from '@/db/client';
import { log } from '@/lib/log';
import { enqueueProfileRebuild } from '@/lib/profiles/jobs';
import { enqueuePredictionTraining } from './job';

/** `changed`: orders and events written; nothing is queued for 0. */
export async function refreshShopperModelsAfterImport(
  db: Db,
  tenant: { tenantId: string },
  changed: number,
): Promise<void> {
  if (changed <= 0) return;
  await enqueueProfileRebuild(db, tenant).catch((error: unknown) =>
    log('warn', 'profiles.rebuild_enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
  await enqueuePredictionTraining(db, tenant);
}
