import type { Executor } from '@/db/client';
import { privacySettings } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type PrivacySettingsRow = typeof privacySettings.$inferSelect;
export type PrivacySettingsPatch = Partial<
  Omit<typeof privacySettings.$inferInsert, 'tenantId' | 'updatedAt'>
>;

/** The workspace's privacy settings row, or null when it never saved any (defaults apply). */
export async function getPrivacySettingsRow(exec: Executor, ctx: Tenant): Promise<PrivacySettingsRow | null> {
  const [row] = await exec.select().from(privacySettings).where(tenantFilter(ctx, privacySettings));
  return row ?? null;
}

/** Inserts or updates the workspace's single privacy settings row. */
export async function upsertPrivacySettings(
  exec: Executor,
  ctx: Tenant,
  patch: PrivacySettingsPatch,
): Promise<PrivacySettingsRow> {
  const [row] = await exec
    .insert(privacySettings)
    .values({ ...patch, tenantId: ctx.tenantId })
    .onConflictDoUpdate({ target: [privacySettings.tenantId], set: { ...patch, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('privacy settings upsert returned no row');
  return row;
}
