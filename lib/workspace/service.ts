import { eq } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { memberships, tenants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/service';
import { AppError, conflict, forbidden } from '@/lib/errors';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant, getTenantBySlug } from './queries';
import { type WorkspaceSettings, createWorkspaceSchema, settingsSchema, slugify } from './schemas';

export interface CreateWorkspaceInput {
  name: string;
  slug?: string;
  ownerUserId: string;
  ownerLabel: string;
  ip?: string;
  settings?: Partial<Omit<WorkspaceSettings, 'name'>>;
}

/** Creates a workspace and its owner membership. Throws `conflict` when the slug is taken. */
export async function createWorkspace(exec: Executor, input: CreateWorkspaceInput) {
  const data = parseOrThrow(createWorkspaceSchema, { name: input.name, slug: input.slug });
  const explicit = data.slug;
  const slug = explicit ?? (await freeSlug(exec, slugify(data.name)));
  if (explicit && (await getTenantBySlug(exec, explicit))) {
    throw conflict('That workspace address is taken.', { slug: ['That workspace address is taken.'] });
  }
  const [tenant] = await exec
    .insert(tenants)
    .values({
      slug,
      name: data.name,
      currency: input.settings?.currency ?? 'EUR',
      locale: input.settings?.locale ?? 'en',
      supportedLocales: input.settings?.supportedLocales ?? [input.settings?.locale ?? 'en'],
      timeZone: input.settings?.timeZone ?? 'UTC',
    })
    .returning();
  if (!tenant) throw new Error('insert returned no row');
  await exec.insert(memberships).values({ tenantId: tenant.id, userId: input.ownerUserId, role: 'owner' });
  const ctx: TenantContext = {
    tenantId: tenant.id,
    slug,
    role: 'owner',
    userId: input.ownerUserId,
    actorLabel: input.ownerLabel,
    ip: input.ip,
  };
  await recordAudit(exec, ctx, {
    action: 'workspace.created',
    targetType: 'workspace',
    targetId: tenant.id,
    details: { name: tenant.name, slug },
  });
  return tenant;
}

async function freeSlug(exec: Executor, base: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const candidate = i === 0 ? base : `${base}-${i + 1}`;
    if (!(await getTenantBySlug(exec, candidate))) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}

/** Updates name, currency, locales and time zone; audit-logs the changed fields. */
export async function updateWorkspaceSettings(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'settings.update')) throw forbidden();
  const next = parseOrThrow(settingsSchema, input);
  return db.transaction(async (tx) => {
    const before = await getTenant(tx, ctx);
    if (!before) throw new AppError('not_found', 'Workspace not found');
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ['name', 'currency', 'locale', 'supportedLocales', 'timeZone'] as const) {
      if (JSON.stringify(before[k]) !== JSON.stringify(next[k]))
        changed[k] = { from: before[k], to: next[k] };
    }
    if (Object.keys(changed).length === 0) return before;
    const [row] = await tx
      .update(tenants)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(tenants.id, ctx.tenantId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'settings.updated',
      targetType: 'workspace',
      targetId: ctx.tenantId,
      details: changed,
    });
    return row!;
  });
}
