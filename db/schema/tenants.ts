import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  inet,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { users } from './users';

/** A workspace. The noun is "tenant" in code and "workspace" in the UI. */
export const tenants = pgTable(
  'tenants',
  {
    id: idColumn().primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    currency: text('currency').notNull().default('EUR'),
    locale: text('locale').notNull().default('en'),
    supportedLocales: text('supported_locales').array().notNull().default(sql`'{en}'::text[]`),
    timeZone: text('time_zone').notNull().default('UTC'),
    /**
     * The workspace's product embedder: `auto` (the deployment's model when it loads, else lexical),
     * `lexical`, or `model:<id>` for a model of the deployment (lib/embeddings/resolve.ts).
     */
    embedder: text('embedder').notNull().default('auto'),
    isDemo: text('is_demo'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tenants_slug_key').on(t.slug)],
);

/** The leading column of every tenant-owned table. */
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const memberships = pgTable(
  'memberships',
  {
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    tenantId: tenantId(),
    id: idColumn(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: tstz('expires_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    revokedAt: tstz('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('invitations_token_key').on(t.tokenHash)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    tenantId: tenantId(),
    id: idColumn(),
    kind: text('kind').notNull(), // 'secret' | 'publishable'
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    /** What a secret key may do (lib/apikeys/scopes.ts); existing keys keep every scope. */
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{events:write,catalog:write,data:read,recommend:read,privacy:write,jobs:run}'::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('api_keys_hash_key').on(t.keyHash)],
);

/** Append-only: the application never updates or deletes rows (a trigger enforces it). */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: inet('ip'),
    createdAt: createdAt(),
    /**
     * Hash chain (issue 7): `hash` = sha256(prev_hash || canonical text of this row), computed in
     * SQL by tailor_audit_canonical(); the first entry of a workspace chains from ''.
     */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_time_idx').on(t.tenantId, t.createdAt),
  ],
);
