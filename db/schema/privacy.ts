import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, tstz, updatedAt } from './columns';
import { tenantId } from './tenants';

/**
 * Issue 7, privacy and compliance. Consent is kept as an append-only history plus the current
 * state per shopper and purpose (what enforcement reads); data subject requests carry their own
 * proof; per-workspace data keys wrap the field encryption; retention runs leave a report.
 */

/** What a shopper can consent to. Storefront purposes `marketing` and `ads` both mean `advertising`. */
export const PRIVACY_PURPOSES = ['analytics', 'personalization', 'advertising'] as const;
export type PrivacyPurpose = (typeof PRIVACY_PURPOSES)[number];

/** Where a consent decision came from. */
export const CONSENT_SOURCES = ['snippet', 'api', 'import', 'webhook', 'dashboard', 'request'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** Every consent decision ever recorded (append-only; erased with the shopper). */
export const consentRecords = pgTable(
  'consent_records',
  {
    tenantId: tenantId(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    shopperId: uuid('shopper_id').notNull(),
    purpose: text('purpose').$type<PrivacyPurpose>().notNull(),
    granted: boolean('granted').notNull(),
    source: text('source').$type<ConsentSource>().notNull(),
    /** The merchant's privacy-policy version the shopper saw (workspace setting when not sent). */
    policyVersion: text('policy_version').notNull(),
    recordedAt: tstz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('consent_records_shopper_idx').on(t.tenantId, t.shopperId, t.recordedAt),
    index('consent_records_time_idx').on(t.tenantId, t.recordedAt),
  ],
);

/** The latest decision per shopper and purpose: the one row enforcement reads. */
export const consentState = pgTable(
  'consent_state',
  {
    tenantId: tenantId(),
    shopperId: uuid('shopper_id').notNull(),
    purpose: text('purpose').$type<PrivacyPurpose>().notNull(),
    granted: boolean('granted').notNull(),
    source: text('source').$type<ConsentSource>().notNull(),
    policyVersion: text('policy_version').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.shopperId, t.purpose] }),
    index('consent_state_denied_idx').on(t.tenantId, t.purpose).where(sql`not ${t.granted}`),
  ],
);

/**
 * Per-workspace privacy settings; a missing row means the defaults below.
 * `consentMode`: `opt_out` (processing allowed until a shopper withdraws: CCPA-style) or `opt_in`
 * (identified processing only with a recorded or declared grant: GDPR-style).
 */
export const privacySettings = pgTable(
  'privacy_settings',
  {
    tenantId: tenantId(),
    consentMode: text('consent_mode').$type<'opt_in' | 'opt_out'>().notNull().default('opt_out'),
    /** Events without analytics consent: stored without identifiers, or not stored at all. */
    unconsentedEvents: text('unconsented_events')
      .$type<'anonymize' | 'drop'>()
      .notNull()
      .default('anonymize'),
    policyVersion: text('policy_version').notNull().default('1'),
    /** Retention in days / months; null keeps forever. */
    rawEventsDays: integer('raw_events_days'),
    inactiveShopperMonths: integer('inactive_shopper_months'),
    logsDays: integer('logs_days'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

export const PRIVACY_REQUEST_KINDS = ['access', 'erasure', 'rectification', 'opt_out'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
export const PRIVACY_REQUEST_STATUSES = [
  'received',
  'verified',
  'in_progress',
  'completed',
  'rejected',
] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
export const PRIVACY_REGULATIONS = ['gdpr', 'uk_gdpr', 'ccpa'] as const;
export type PrivacyRegulation = (typeof PRIVACY_REGULATIONS)[number];
export const PRIVACY_REQUEST_SOURCES = ['dashboard', 'api', 'shopify_webhook', 'cli'] as const;
export type PrivacyRequestSource = (typeof PRIVACY_REQUEST_SOURCES)[number];

/**
 * A data subject request. `shopperId` names the subject while the request is open and is cleared
 * when an erasure completes (then only `subjectHash`, a keyed hash, ties the request to them).
 * `result` is the proof: what was exported or removed, per table and artefact.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    tenantId: tenantId(),
    id: idColumn(),
    kind: text('kind').$type<PrivacyRequestKind>().notNull(),
    status: text('status').$type<PrivacyRequestStatus>().notNull().default('received'),
    regulation: text('regulation').$type<PrivacyRegulation>().notNull(),
    source: text('source').$type<PrivacyRequestSource>().notNull(),
    shopperId: uuid('shopper_id'),
    /** HMAC of the subject's identifier (lib/privacy/pii.ts), kept after erasure. */
    subjectHash: text('subject_hash').notNull(),
    /** The requester's contact, encrypted (field encryption); removed once the request closes. */
    contactEnc: text('contact_enc'),
    dueAt: tstz('due_at').notNull(),
    verifiedAt: tstz('verified_at'),
    /** How identity was verified (method, note, who). */
    verification: jsonb('verification').$type<Record<string, unknown>>(),
    /** Kind-specific input: rectification changes, webhook payload ids. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<Record<string, unknown>>(),
    rejectedReason: text('rejected_reason'),
    completedAt: tstz('completed_at'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('privacy_requests_status_idx').on(t.tenantId, t.status, t.dueAt),
    index('privacy_requests_shopper_idx').on(t.tenantId, t.shopperId),
  ],
);

/**
 * Data-encryption keys per workspace and purpose (`fields` encrypts personal fields, `lookup`
 * keys the HMAC of lookups), each wrapped by the deployment keyring (lib/secrets). A new `fields`
 * version is a rotation: rows are re-encrypted in the background; `lookup` is never rotated
 * (the hashes would change) unless every hash is recomputed with it.
 */
export const dataKeys = pgTable(
  'data_keys',
  {
    tenantId: tenantId(),
    purpose: text('purpose').$type<'fields' | 'lookup'>().notNull(),
    version: integer('version').notNull(),
    /** The key sealed by the keyring (`encryptSecret`, context `data-key:<tenant>:<purpose>:<version>`). */
    wrapped: text('wrapped').notNull(),
    kekVersion: integer('kek_version').notNull(),
    createdAt: createdAt(),
    retiredAt: tstz('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.purpose, t.version] })],
);

/** One retention run: the policy applied and what it removed, per table. */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    tenantId: tenantId(),
    id: idColumn(),
    ranAt: tstz('ran_at').notNull().defaultNow(),
    policy: jsonb('policy').$type<Record<string, number | null>>().notNull(),
    removed: jsonb('removed').$type<Record<string, number>>().notNull(),
    trigger: text('trigger').notNull(), // schedule | manual | cli
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('retention_runs_time_idx').on(t.tenantId, t.ranAt),
  ],
);

/** Each audit-chain verification (for the compliance overview's "last verified"). */
export const auditVerifications = pgTable(
  'audit_verifications',
  {
    tenantId: tenantId(),
    id: idColumn(),
    verifiedAt: tstz('verified_at').notNull().defaultNow(),
    entries: integer('entries').notNull(),
    ok: boolean('ok').notNull(),
    /** The first entry whose hash does not match, when not ok. */
    firstBadId: text('first_bad_id'),
    durationMs: integer('duration_ms').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_verifications_time_idx').on(t.tenantId, t.verifiedAt),
  ],
);
