/**
 * Demo consent decisions (issue 7): who agreed to what, when, and through which channel, so the
 * consent page has a believable history. Pure and seeded like the rest of the generator; the
 * rows are loaded by lib/consent/seed.ts.
 *
 * Per shopper: about 80 % decide on their first visit (20 % never answer the banner). Analytics
 * is granted most often (~85 %), personalization less (~70 %, rarely without analytics),
 * advertising least (~45 %, and only with analytics). Some change their mind later: ~8 % of
 * advertising grants and ~3 % of analytics grants are withdrawn, and ~4 % of refusals become
 * grants. Visitors decide through the storefront snippet; customers mostly too, some through the
 * store's API or its privacy webhook.
 */
import type { ConsentSource, consentRecords, consentState, PrivacyPurpose } from '../schema';
import { deriveSeed, Rng } from './random';
import type { ShopperRow } from './shoppers';

export type ConsentRecordRow = typeof consentRecords.$inferInsert;
export type ConsentStateRow = typeof consentState.$inferInsert;

const DAY_MS = 86_400_000;

export interface DemoConsentOptions {
  /** The end of the history (exclusive). */
  now: Date;
  /** Days of history the decisions fall into (default 120, the demo store's). */
  days?: number;
  seed?: number;
  policyVersion?: string;
}

/** Decisions for `shoppers` (rows with ids), as history rows in time order plus the resulting state. */
export function generateDemoConsent(
  shoppers: readonly Pick<ShopperRow, 'id' | 'tenantId' | 'kind' | 'firstSeenAt'>[],
  opts: DemoConsentOptions,
): { records: ConsentRecordRow[]; state: ConsentStateRow[] } {
  const rng = new Rng(deriveSeed(opts.seed ?? 2026, 'consent'));
  const end = opts.now.getTime();
  const start = end - (opts.days ?? 120) * DAY_MS;
  const policyVersion = opts.policyVersion ?? '1';
  const records: ConsentRecordRow[] = [];
  for (const s of shoppers) {
    if (!s.id || !rng.chance(0.8)) continue;
    const seen = s.firstSeenAt instanceof Date ? s.firstSeenAt.getTime() : start;
    // Shoppers from before the history answer the banner on a visit in its first month.
    const visit = seen >= start ? seen : start + rng.uniform(0, 30 * DAY_MS);
    const first = Math.min(end - 60_000, visit + rng.int(0, 600_000));
    const source: ConsentSource =
      s.kind !== 'customer'
        ? 'snippet'
        : rng.weighted(['snippet', 'api', 'webhook'] as const, [0.8, 0.15, 0.05]);
    const analytics = rng.chance(0.85);
    const decisions: [PrivacyPurpose, boolean][] = [
      ['analytics', analytics],
      ['personalization', analytics ? rng.chance(0.78) : rng.chance(0.15)],
      ['advertising', analytics && rng.chance(0.53)],
    ];
    const push = (purpose: PrivacyPurpose, granted: boolean, at: number, src: ConsentSource) =>
      records.push({
        tenantId: s.tenantId,
        shopperId: s.id!,
        purpose,
        granted,
        source: src,
        policyVersion,
        recordedAt: new Date(at),
      });
    for (const [purpose, granted] of decisions) push(purpose, granted, first, source);
    // A later change of mind, somewhere between the first decision and now.
    for (const [purpose, granted] of decisions) {
      const p = granted ? (purpose === 'advertising' ? 0.08 : purpose === 'analytics' ? 0.03 : 0.05) : 0.04;
      if (end - first > DAY_MS && rng.chance(p))
        push(
          purpose,
          !granted,
          rng.uniform(first + DAY_MS / 2, end - 60_000),
          source === 'webhook' ? 'api' : source,
        );
    }
  }
  records.sort((a, b) => a.recordedAt!.getTime() - b.recordedAt!.getTime());
  const latest = new Map<string, ConsentStateRow>();
  for (const r of records) {
    latest.set(`${r.shopperId}:${r.purpose}`, {
      tenantId: r.tenantId,
      shopperId: r.shopperId,
      purpose: r.purpose,
      granted: r.granted,
      source: r.source,
      policyVersion: r.policyVersion,
      updatedAt: r.recordedAt,
    });
  }
  return { records, state: [...latest.values()] };
}
