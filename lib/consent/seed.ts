import type { Executor } from '@/db/client';
import { consentRecords, consentState } from '@/db/schema';
import { type DemoConsentOptions, generateDemoConsent } from '@/db/seed/consent';
import type { ShopperRow } from '@/db/seed/shoppers';
import type { TenantContext } from '@/lib/tenant/context';
import { invalidateConsent } from './cache';

const CHUNK = 1000;

/**
 * The demo seed's consent step: generates decisions for the workspace's freshly seeded shoppers
 * (db/seed/consent.ts) and inserts the history and the resulting state in chunks of 1,000 rows.
 * Returns how many decisions were recorded.
 */
export async function seedDemoConsent(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  shoppers: readonly ShopperRow[],
  opts: DemoConsentOptions,
): Promise<number> {
  const own = shoppers.filter((s) => s.tenantId === ctx.tenantId);
  const { records, state } = generateDemoConsent(own, opts);
  for (let i = 0; i < records.length; i += CHUNK)
    await exec.insert(consentRecords).values(records.slice(i, i + CHUNK));
  for (let i = 0; i < state.length; i += CHUNK)
    await exec.insert(consentState).values(state.slice(i, i + CHUNK));
  invalidateConsent(ctx.tenantId);
  return records.length;
}
