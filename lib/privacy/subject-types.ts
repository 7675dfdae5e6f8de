/**
 * Contracts between the data-subject-request workflow (lib/privacy/requests) and the engines that
 * export and erase a shopper's data (lib/privacy/erasure, lib/privacy/access). The report of each
 * is stored in `privacy_requests.result` as the request's proof, so both are plain JSON.
 */

/** What one table or artefact lost in an erasure. */
export interface ErasureStep {
  /** A table name (`events`, `orders` …) or an artefact (`recommend_model`, `cache:…`). */
  target: string;
  /** `deleted` rows, `anonymized` rows (kept without personal fields), or an artefact action. */
  action: 'deleted' | 'anonymized' | 'scrubbed' | 'retrain_queued' | 'flagged' | 'invalidated';
  count: number;
  /** Why, for anonymized rows and artefacts (e.g. "financial totals kept for accounting"). */
  note?: string;
}

export interface ErasureReport {
  /** The keyed hash of the erased shopper id (lib/privacy/pii.ts `pseudonymOf`). */
  subject: string;
  erasedAt: string;
  durationMs: number;
  steps: ErasureStep[];
  /**
   * The post-erasure scan: every tenant table searched for the shopper's id and identifiers;
   * `remaining` must be 0 (the request completes only then).
   */
  verification: { tablesScanned: number; remaining: number; at: string };
}

/** One table of an access export (also one CSV file). */
export interface ExportSection {
  name: string;
  /** Column names, in order. */
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Everything Tailor holds about one shopper (GDPR art. 15 / CCPA right to know). */
export interface ShopperExport {
  generatedAt: string;
  workspace: { slug: string; name: string };
  shopper: Record<string, unknown>;
  /** profile, events, orders, order_lines, consent_records, consent_state, segments, predictions … */
  sections: ExportSection[];
}
