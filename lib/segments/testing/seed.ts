/** Test data for segments: shoppers with profiles and scores, inserted directly (no profile job). */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { shopperProfiles, shopperScores, shoppers } from '@/db/schema';

export interface SeedShopper {
  name?: string;
  email?: string;
  country?: string | null;
  kind?: 'customer' | 'visitor';
  externalId?: string | null;
  orders?: number;
  monetaryMinor?: number;
  /** Days since the last order (null: no orders). */
  lastOrderDaysAgo?: number | null;
  sessions?: number;
  views?: number;
  returns?: number;
  meanGapDays?: number | null;
  rfmSegment?: string | null;
  churn?: number;
  /** false: a shopper without a profile row. */
  profile?: boolean;
}

const DAY = 86_400_000;

/** Inserts the shoppers (with profiles and a churn score when given); returns their ids in order. */
export async function seedShoppers(
  db: Db,
  tenantId: string,
  list: readonly SeedShopper[],
): Promise<string[]> {
  const ids: string[] = [];
  const modelId = randomUUID();
  for (const [i, s] of list.entries()) {
    const id = randomUUID();
    ids.push(id);
    const lastOrderAt =
      s.lastOrderDaysAgo === null || s.lastOrderDaysAgo === undefined
        ? null
        : new Date(Date.now() - s.lastOrderDaysAgo * DAY);
    await db.insert(shoppers).values({
      tenantId,
      id,
      kind: s.kind ?? 'customer',
      externalId: s.externalId === undefined ? `c-${i}-${id.slice(0, 6)}` : s.externalId,
      name: s.name ?? `Shopper ${i}`,
      email: s.email ?? `shopper${i}@example.test`,
      country: s.country === undefined ? 'DE' : s.country,
      firstSeenAt: new Date(Date.now() - 400 * DAY),
      lastSeenAt: lastOrderAt ?? new Date(Date.now() - 5 * DAY),
    });
    if (s.profile === false) continue;
    const orders = s.orders ?? 0;
    const monetary = s.monetaryMinor ?? orders * 5000;
    await db.insert(shopperProfiles).values({
      tenantId,
      shopperId: id,
      orders,
      monetaryMinor: monetary,
      aovMinor: orders > 0 ? monetary / orders : null,
      lastOrderAt,
      lastEventAt: new Date(Date.now() - (s.lastOrderDaysAgo ?? 20) * DAY),
      recencyDays: s.lastOrderDaysAgo ?? null,
      meanGapDays: s.meanGapDays ?? null,
      sessions: s.sessions ?? 0,
      views: s.views ?? 0,
      returns: s.returns ?? 0,
      rfmSegment: (s.rfmSegment ?? null) as never,
    });
    if (s.churn !== undefined)
      await db
        .insert(shopperScores)
        .values({ tenantId, shopperId: id, kind: 'churn', modelId, score: s.churn });
  }
  return ids;
}
