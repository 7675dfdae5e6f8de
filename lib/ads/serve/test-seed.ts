/**
 * Test and bench data for ad serving: a live banner campaign with approved creatives and a
 * product to link to, inserted directly (the campaign service and the generator are not needed
 * to exercise serving).
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { adCampaigns, adCreatives, products } from '@/db/schema';
import type { CampaignOptimization, CreativeStatus } from '@/db/schema/ads';

export interface SeedCreative {
  headline: string;
  cta?: string;
  locale?: string;
  segmentId?: string | null;
  status?: CreativeStatus;
}

export interface SeedCampaignInput {
  placementKey: string;
  creatives: SeedCreative[];
  locales?: string[];
  segmentIds?: string[];
  status?: 'draft' | 'active' | 'paused' | 'ended';
  startsOn?: string | null;
  endsOn?: string | null;
  optimization?: Partial<CampaignOptimization>;
  /** Link every creative to a new product with this store id (attributes.url set). */
  productExternalId?: string;
}

/** Inserts the campaign (and product); returns the ids, creatives in input order. */
export async function seedAdCampaign(
  exec: Executor,
  tenantId: string,
  input: SeedCampaignInput,
): Promise<{ campaignId: string; creativeIds: string[]; productId: string | null }> {
  const campaignId = randomUUID();
  let productId: string | null = null;
  if (input.productExternalId) {
    productId = randomUUID();
    await exec.insert(products).values({
      tenantId,
      id: productId,
      externalId: input.productExternalId,
      title: { en: `Product ${input.productExternalId}` },
      priceMinor: 2_500,
      currency: 'EUR',
      attributes: { url: `/p/${input.productExternalId}` },
      imageUrls: [`https://img.example/${input.productExternalId}.jpg`],
    });
  }
  await exec.insert(adCampaigns).values({
    tenantId,
    id: campaignId,
    name: `Campaign ${input.placementKey}`,
    objective: 'sales',
    status: input.status ?? 'active',
    segmentIds: input.segmentIds ?? [],
    locales: input.locales ?? ['en'],
    channels: ['banner'],
    placementKey: input.placementKey,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    optimization: {
      policy: 'thompson',
      reward: 'click',
      explorationFloor: 0.05,
      autoPause: true,
      alpha: 1,
      ...input.optimization,
    },
  });
  const creativeIds: string[] = [];
  for (const c of input.creatives) {
    const id = randomUUID();
    creativeIds.push(id);
    await exec.insert(adCreatives).values({
      tenantId,
      id,
      campaignId,
      segmentId: c.segmentId ?? null,
      locale: c.locale ?? 'en',
      channel: 'banner',
      productIds: productId ? [productId] : [],
      fields: { headline: [c.headline], cta: [c.cta ?? 'Shop now'] },
      status: c.status ?? 'approved',
      generation: { provider: 'template', model: 'template:v1', attempt: 1, seed: 1, dropped: [] },
    });
  }
  return { campaignId, creativeIds, productId };
}
