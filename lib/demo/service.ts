import {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  DEMO_SETTINGS,
  DEMO_SLUG,
  DEMO_USER_NAME,
  DEMO_WORKSPACE_NAME,
} from './constants';
import { eq } from 'drizzle-orm';
import { analyzeBulkTables } from '@/db/analyze';
import type { Db } from '@/db/client';
import { events, orderLines, orders, products, shoppers, tenants, users } from '@/db/schema';
import { DEMO_GENERATOR_VERSION, DEMO_SEED, generateDemoStore } from '@/db/seed/generate';
import { recordAudit } from '@/lib/audit/service';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { embedChangedProducts } from '@/lib/embeddings/job';
import { ensureDefaultPlacements } from '@/lib/placements/service';
import { seedDemoConsent } from '@/lib/consent/seed';
import { refreshShopperModelsAfterImport } from '@/lib/predict/after-import';
import { sealShopperInsertRows } from '@/lib/privacy/pii-shoppers';
import { evaluateSoon } from '@/lib/recommend/evaluations/start';
import { trainAfterImport } from '@/lib/recommend/train/job';
import { conflict } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { createWorkspace } from '@/lib/workspace/service';
import { type InsertMethod, insertInChunks } from './bulk-insert';
import {
  DEMO_LOADING,
  type DemoCounts,
  countTenantRows,
  getSeededDemoTenant,
  getTenantBySlugForDemo,
} from './queries';

export type { DemoCounts };

export {
  DEMO_EMAIL,
  DEMO_PASSWORD,
  DEMO_SETTINGS,
  DEMO_SLUG,
  DEMO_USER_NAME,
  DEMO_WORKSPACE_NAME,
} from './constants';

export type SeedPhase = 'generating' | 'products' | 'shoppers' | 'orders' | 'order_lines' | 'events' | 'done';

export interface SeedProgress {
  phase: SeedPhase;
  /** Rows written so far in this phase, of `total`. */
  done: number;
  total: number;
}

export interface SeedDemoOptions {
  /** End of the generated history; defaults to the current time so dashboards show recent data. */
  now?: Date;
  seed?: number;
  /** Delete and recreate the demo workspace even if it exists. */
  reset?: boolean;
  /** Data size multiplier (tests use 0.1); 1 = full size. */
  scale?: number;
  onProgress?: (p: SeedProgress) => void;
  /** Rows per statement (default 5,000 with COPY, 1,000 otherwise). */
  chunkSize?: number;
  /** How rows are sent (default 'auto': COPY on PGlite, JSON elsewhere); see `InsertMethod`. */
  insertMethod?: InsertMethod;
}

export interface SeedDemoResult {
  login: { email: string; password: string };
  slug: string;
  tenantId: string;
  /** False when the demo workspace already existed and was left untouched. */
  created: boolean;
  counts: DemoCounts;
}

/** True when the demo workspace exists and finished loading. */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await getSeededDemoTenant(db, DEMO_SLUG)) !== null;
}

async function ensureDemoUser(db: Db): Promise<string> {
  const [user] = await db.select().from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  if (!user) {
    const [created] = await db
      .insert(users)
      .values({ email: DEMO_EMAIL, name: DEMO_USER_NAME, passwordHash: await hashPassword(DEMO_PASSWORD) })
      .returning({ id: users.id });
    return created!.id;
  }
  // The advertised login must work: restore the password if someone changed it.
  if (!(await verifyPassword(user.passwordHash, DEMO_PASSWORD))) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
      .where(eq(users.id, user.id));
  }
  return user.id;
}

/**
 * Creates the demo user and the "Demo Store" workspace (slug `demo`) filled with a generated
 * multilingual store: ~640 products, 5,600 shoppers, ~3.7k orders and ~255k events over the 120
 * days before `now`. Idempotent: when the demo exists and `reset` is not set, nothing changes.
 * A half-loaded demo (crash mid-way) is detected by its `is_demo = 'loading'` mark and rebuilt.
 * Throws `conflict` when a workspace that is not the demo already uses the slug.
 */
export async function seedDemoWorkspace(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const login = { email: DEMO_EMAIL, password: DEMO_PASSWORD };
  const existing = await getTenantBySlugForDemo(db, DEMO_SLUG);
  if (existing && existing.isDemo === null) {
    throw conflict(`A workspace that is not the demo already uses the address "${DEMO_SLUG}".`);
  }
  if (existing && existing.isDemo !== DEMO_LOADING && !options.reset) {
    return {
      login,
      slug: DEMO_SLUG,
      tenantId: existing.id,
      created: false,
      counts: await countTenantRows(db, existing.id),
    };
  }
  // Deleting the tenant cascades to all its data (the audit log allows it once the tenant row is gone).
  if (existing) await db.delete(tenants).where(eq(tenants.id, existing.id));

  const userId = await ensureDemoUser(db);
  const tenant = await db.transaction(async (tx) => {
    const t = await createWorkspace(tx, {
      name: DEMO_WORKSPACE_NAME,
      slug: DEMO_SLUG,
      ownerUserId: userId,
      ownerLabel: DEMO_EMAIL,
      settings: { ...DEMO_SETTINGS, supportedLocales: [...DEMO_SETTINGS.supportedLocales] },
    });
    await tx.update(tenants).set({ isDemo: DEMO_LOADING }).where(eq(tenants.id, t.id));
    return t;
  });

  const now = options.now ?? new Date();
  const seed = options.seed ?? DEMO_SEED;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'generating', done: 0, total: 1 });
  const store = generateDemoStore({
    tenantId: tenant.id,
    now,
    seed,
    scale: options.scale,
    currency: DEMO_SETTINGS.currency,
  });
  progress({ phase: 'generating', done: 1, total: 1 });

  const chunk = { chunkSize: options.chunkSize, method: options.insertMethod };
  const load = async <T extends Parameters<typeof insertInChunks>[1]>(
    phase: SeedPhase,
    table: T,
    rows: readonly T['$inferInsert'][],
  ) => {
    progress({ phase, done: 0, total: rows.length });
    await insertInChunks(db, table, rows, {
      ...chunk,
      onChunk: ({ done, total }) => progress({ phase, done, total }),
    });
  };
  await load('products', products, store.products);
  // Personal fields are sealed on the way in, as every writer of shoppers does (issue 7).
  await load('shoppers', shoppers, await sealShopperInsertRows(db, tenant.id, store.shoppers));
  await load('orders', orders, store.orders);
  await load('order_lines', orderLines, store.orderLines);
  await load('events', events, store.events);
  await seedDemoConsent(db, { tenantId: tenant.id }, store.shoppers, { now, seed });

  const counts: DemoCounts = {
    products: store.products.length,
    shoppers: store.shoppers.length,
    orders: store.orders.length,
    orderLines: store.orderLines.length,
    events: store.events.length,
  };
  const marker = JSON.stringify({
    seed,
    version: DEMO_GENERATOR_VERSION,
    now: now.toISOString(),
    scale: options.scale ?? 1,
  });
  await db.transaction(async (tx) => {
    await tx.update(tenants).set({ isDemo: marker, updatedAt: new Date() }).where(eq(tenants.id, tenant.id));
    const ctx: TenantContext = {
      tenantId: tenant.id,
      slug: DEMO_SLUG,
      role: 'owner',
      userId,
      actorLabel: 'system',
    };
    await recordAudit(tx, ctx, {
      action: 'demo.seeded',
      targetType: 'workspace',
      targetId: tenant.id,
      details: { seed, counts },
    });
  });
  // The catalog is new: analyse and embed it now rather than at the next 15-minute sweep, train
  // the first recommendation model, give the store the standard placements to try, and evaluate.
  await analyzeBulkTables(db);
  await embedChangedProducts(db, { tenantId: tenant.id }, counts.products);
  await trainAfterImport(db, { tenantId: tenant.id }, counts.orders + counts.events);
  await refreshShopperModelsAfterImport(db, { tenantId: tenant.id }, counts.orders + counts.events);
  await ensureDefaultPlacements(db, {
    tenantId: tenant.id,
    slug: DEMO_SLUG,
    role: 'owner',
    userId,
    actorLabel: 'system',
  });
  // The demo's headline: the hybrid against the baselines, ready a few minutes after the first start.
  await evaluateSoon(db, { tenantId: tenant.id });
  progress({ phase: 'done', done: 1, total: 1 });
  return { login, slug: DEMO_SLUG, tenantId: tenant.id, created: true, counts };
}
