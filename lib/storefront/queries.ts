import type { Executor } from '@/db/client';
import { storefrontSettings } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type StorefrontSettingsRow = typeof storefrontSettings.$inferSelect;
type Patch = Partial<Omit<typeof storefrontSettings.$inferInsert, 'tenantId'>>;

/** The workspace's settings row, or null when it never saved any (defaults apply). */
export async function getStorefrontSettingsRow(
  exec: Executor,
  ctx: Tenant,
): Promise<StorefrontSettingsRow | null> {
  const [row] = await exec.select().from(storefrontSettings).where(tenantFilter(ctx, storefrontSettings));
  return row ?? null;
}

/** Inserts or updates the workspace's single settings row. */
export async function upsertStorefrontSettings(
  exec: Executor,
  ctx: Tenant,
  patch: Patch,
): Promise<StorefrontSettingsRow> {
  const [row] = await exec
    .insert(storefrontSettings)
    .values({ ...patch, tenantId: ctx.tenantId })
    .onConflictDoUpdate({
      target: [storefrontSettings.tenantId],
      set: { ...patch, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('storefront settings upsert returned no row');
  return row;
}
