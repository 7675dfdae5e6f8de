import type { Executor } from '@/db/client';
import { fairnessSettings } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type FairnessSettingsRow = typeof fairnessSettings.$inferSelect;
export type FairnessSettingsPatch = Partial<
  Omit<typeof fairnessSettings.$inferInsert, 'tenantId' | 'updatedAt'>
>;

/** The workspace's fairness settings row, or null when it never saved any (defaults apply). */
export async function getFairnessSettingsRow(
  exec: Executor,
  ctx: Tenant,
): Promise<FairnessSettingsRow | null> {
  const [row] = await exec.select().from(fairnessSettings).where(tenantFilter(ctx, fairnessSettings));
  return row ?? null;
}

/** Inserts or updates the workspace's single fairness settings row. */
export async function upsertFairnessSettings(
  exec: Executor,
  ctx: Tenant,
  patch: FairnessSettingsPatch,
): Promise<FairnessSettingsRow> {
  const [row] = await exec
    .insert(fairnessSettings)
    .values({ ...patch, tenantId: ctx.tenantId })
    .onConflictDoUpdate({ target: [fairnessSettings.tenantId], set: { ...patch, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('fairness settings upsert returned no row');
  return row;
}
