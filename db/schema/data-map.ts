/**
 * The data map: every column that holds personal data or links a row to a shopper (or a member),
 * annotated with why it is kept, on what legal basis, for how long and how it is protected.
 * Privacy → Data map and the compliance report render it; lib/privacy/data-map.test.ts fails when
 * a tenant table gains a personal-looking or shopper-linked column that is not listed here (or in
 * NOT_PERSONAL with the reason it is not personal). Not exported from index.ts: it holds no tables.
 */

export const DATA_CATEGORIES = [
  'identifier',
  'contact',
  'behaviour',
  'financial',
  'inferred',
  'technical',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export type LegalBasis = 'contract' | 'legitimate_interest' | 'consent' | 'legal_obligation';

/**
 * How long: one of the workspace's retention settings, `shopper` (until the shopper is erased —
 * by request or by the inactive-shoppers policy), `account` (while the member or workspace
 * exists), or `permanent` (the append-only audit log; see its note).
 */
export type DataRetention =
  | 'rawEventsDays'
  | 'inactiveShopperMonths'
  | 'logsDays'
  | 'shopper'
  | 'account'
  | 'permanent';

/** `yes`: AES-256-GCM field encryption; `hash`: a keyed hash (HMAC) only; `no`: stored as is. */
export type Encryption = 'yes' | 'no' | 'hash';

export interface DataMapEntry {
  table: string;
  columns: readonly string[];
  category: DataCategory;
  purpose: string;
  legalBasis: LegalBasis;
  retention: DataRetention;
  encrypted: Encryption;
  note?: string;
}

const e = (
  table: string,
  columns: readonly string[],
  category: DataCategory,
  purpose: string,
  legalBasis: LegalBasis,
  retention: DataRetention,
  encrypted: Encryption = 'no',
  note?: string,
): DataMapEntry => ({
  table,
  columns,
  category,
  purpose,
  legalBasis,
  retention,
  encrypted,
  ...(note ? { note } : {}),
});

const KEYS = 'Row keys and bookkeeping times; identify the shopper only together with the row.';

// biome-ignore format: a registry reads best as one annotation per line
export const DATA_MAP: readonly DataMapEntry[] = [
  // shoppers
  e('shoppers', ['id', 'external_id', 'anonymous_id'], 'identifier', 'Recognise a customer or visitor across visits and store sync', 'legitimate_interest', 'inactiveShopperMonths'),
  e('shoppers', ['email_enc', 'name_enc'], 'contact', 'Show the shopper to staff allowed to see personal data; answer their requests', 'contract', 'inactiveShopperMonths', 'yes', 'Key version in pii_key_version; rotated in the background.'),
  e('shoppers', ['email_hash'], 'identifier', 'Find a shopper by email without storing it in clear', 'legitimate_interest', 'inactiveShopperMonths', 'hash'),
  e('shoppers', ['email', 'name'], 'contact', 'Legacy clear copies, emptied by the encryption backfill', 'contract', 'inactiveShopperMonths', 'no', 'Empty once the backfill job has run.'),
  e('shoppers', ['country', 'locale', 'device', 'attributes'], 'behaviour', 'Localised recommendations and market analytics', 'legitimate_interest', 'inactiveShopperMonths'),
  e('shoppers', ['kind', 'pii_key_version', 'first_seen_at', 'last_seen_at', 'created_at', 'updated_at'], 'technical', KEYS, 'legitimate_interest', 'inactiveShopperMonths'),
  // events
  e('events', ['shopper_id', 'anonymous_id', 'session_id'], 'identifier', 'Attribute behaviour to a shopper (kept without identifiers when analytics consent is missing)', 'consent', 'rawEventsDays'),
  e('events', ['type', 'product_id', 'quantity', 'query', 'occurred_at'], 'behaviour', 'Recommendations, profiles, predictions and performance reports', 'consent', 'rawEventsDays'),
  e('events', ['price_minor', 'currency'], 'financial', 'Revenue attribution', 'consent', 'rawEventsDays'),
  e('events', ['context'], 'technical', 'Page URL, referrer, user agent, locale, placement: debugging and bot filtering', 'consent', 'rawEventsDays'),
  e('events', ['event_id', 'received_at'], 'technical', KEYS, 'consent', 'rawEventsDays'),
  // orders
  e('orders', ['shopper_id'], 'identifier', 'Link purchases to the shopper for profiles and recommendations', 'contract', 'shopper', 'no', 'Removed on erasure; the order stays for accounting.'),
  e('orders', ['total_minor', 'currency', 'status'], 'financial', 'Revenue reporting (kept after erasure, without the shopper)', 'legal_obligation', 'permanent'),
  e('orders', ['country', 'source', 'placed_at', 'external_id', 'id', 'created_at', 'updated_at'], 'technical', KEYS, 'contract', 'permanent'),
  e('order_lines', ['product_id', 'product_external_id', 'title', 'quantity', 'unit_price_minor'], 'financial', 'What was bought, for recommendations and revenue', 'contract', 'permanent', 'no', 'Tied to a shopper only through the order.'),
  // identity, profiles, scores
  e('identity_links', ['anonymous_id', 'shopper_id', 'linked_at'], 'identifier', 'Stitch a visitor to the customer they signed in as', 'legitimate_interest', 'shopper'),
  e('shopper_profiles', ['shopper_id', 'computed_at'], 'identifier', 'Whose profile', 'legitimate_interest', 'shopper'),
  e('shopper_profiles', ['orders', 'monetary_minor', 'aov_minor', 'first_order_at', 'last_order_at', 'recency_days', 'mean_gap_days', 'returns'], 'financial', 'RFM segments and predictions', 'legitimate_interest', 'shopper'),
  e('shopper_profiles', ['sessions', 'views', 'last_event_at', 'top_category', 'top_brand', 'price_band', 'preferred_locale'], 'behaviour', 'Personalised recommendations', 'consent', 'shopper'),
  e('shopper_profiles', ['rfm_r', 'rfm_f', 'rfm_m', 'rfm_segment', 'cluster', 'interest', 'interest_embedder', 'details'], 'inferred', 'Segments and interest vector for personalisation', 'consent', 'shopper'),
  e('shopper_scores', ['shopper_id', 'kind', 'model_id', 'score', 'detail', 'scored_at'], 'inferred', 'Churn / purchase predictions and their explanations', 'consent', 'shopper'),
  e('recommend_models', ['artefact'], 'inferred', 'Trained factors per shopper (scrubbed on erasure, retrained)', 'consent', 'shopper'),
  e('prediction_models', ['artefact'], 'inferred', 'Trained prediction models (flagged and retrained on erasure)', 'consent', 'shopper'),
  // consent and requests
  e('consent_records', ['shopper_id', 'purpose', 'granted', 'source', 'policy_version', 'recorded_at', 'id'], 'identifier', 'Proof of each consent decision', 'legal_obligation', 'shopper'),
  e('consent_state', ['shopper_id', 'purpose', 'granted', 'source', 'policy_version', 'updated_at'], 'identifier', 'Enforce the latest decision', 'legal_obligation', 'shopper'),
  e('privacy_requests', ['shopper_id'], 'identifier', 'The subject while the request is open (cleared after erasure)', 'legal_obligation', 'shopper'),
  e('privacy_requests', ['subject_hash'], 'identifier', 'Tie the proof to the subject without keeping them', 'legal_obligation', 'permanent', 'hash'),
  e('privacy_requests', ['contact_enc'], 'contact', "The requester's contact, removed once the request closes", 'legal_obligation', 'account', 'yes'),
  e('privacy_requests', ['verification', 'details', 'result', 'rejected_reason'], 'technical', 'How identity was verified, what was asked and the proof of what was done', 'legal_obligation', 'permanent'),
  e('privacy_requests', ['id', 'kind', 'status', 'regulation', 'source', 'due_at', 'verified_at', 'completed_at', 'created_by', 'created_at', 'updated_at'], 'technical', KEYS, 'legal_obligation', 'permanent'),
  // members and the audit trail
  e('users', ['email', 'name'], 'contact', 'Sign-in and notifications of workspace members', 'contract', 'account'),
  e('invitations', ['email'], 'contact', 'Deliver an invitation', 'contract', 'account'),
  e('invitations', ['invited_by'], 'identifier', 'Who invited', 'legitimate_interest', 'account'),
  e('memberships', ['user_id'], 'identifier', 'Who belongs to the workspace', 'contract', 'account'),
  e('api_keys', ['created_by'], 'identifier', 'Who created a key', 'legitimate_interest', 'account'),
  e('segments', ['created_by'], 'identifier', 'Who created a segment', 'legitimate_interest', 'account'),
  e('imports', ['created_by'], 'identifier', 'Who uploaded a file', 'legitimate_interest', 'account'),
  e('ad_campaigns', ['created_by'], 'identifier', 'Who created an ad campaign', 'legitimate_interest', 'account'),
  e('ad_creatives', ['approved_by'], 'identifier', 'Who approved an ad creative', 'legitimate_interest', 'account'),
  e('import_rejections', ['field', 'reason'], 'technical', 'Why an imported row was refused (may quote a value)', 'legitimate_interest', 'logsDays'),
  e('audit_log', ['actor_user_id', 'actor_label', 'ip'], 'identifier', 'Who did what, from where: accountability for access to personal data', 'legal_obligation', 'permanent', 'no', 'Append-only and hash-chained: never purged, or the chain would break. Shoppers appear by pseudonym.'),
  e('audit_log', ['details'], 'technical', 'What changed', 'legal_obligation', 'permanent', 'no', 'Member emails for member changes; shoppers only by pseudonym.'),
  e('audit_verifications', ['actor'], 'identifier', 'Who verified the audit chain', 'legal_obligation', 'permanent'),
];

/** Columns whose names look personal but are not, with the reason (reviewed like the map). */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {
  'api_keys.name': "The key's label chosen by the merchant.",
  'connections.name': "The store connection's label.",
  'import_mappings.name': 'A saved column mapping.',
  'imports.file_name': 'The uploaded file name (chosen by staff).',
  'placements.name': "A recommendation placement's label.",
  'segments.name': "A segment's label.",
  'ad_settings.brand_name': "The store's own brand name, used in ad copy.",
  'ad_campaigns.name': "An ad campaign's label.",
  'ad_experiments.name': "An ad experiment's label.",
  'job_schedules.name': 'A schedule name.',
  'prediction_models.shoppers': 'A count of shoppers.',
  'recommend_models.shoppers': 'A count of shoppers.',
  'privacy_settings.inactive_shopper_months': 'A retention setting.',
};

/** `table.column` → its annotation (for the scans and the test). */
export function dataMapIndex(): Map<string, DataMapEntry> {
  const m = new Map<string, DataMapEntry>();
  for (const entry of DATA_MAP) for (const c of entry.columns) m.set(`${entry.table}.${c}`, entry);
  return m;
}
