// The ads server actions as the dashboard calls them: form data in (repeated fields, JSON objects),
// typed results out, the permission of the role checked, another workspace's records not found.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/service';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { getAdSettingsView, getCampaign } from './service';
import { type AdsStore, seedAdsStore } from './test-fixture';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { createCampaignAction, setCampaignStatusAction, updateAdSettingsAction, startGenerationAction } =
  await import('./actions');

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

describe.each(testDrivers())('ads actions (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let owner: { ctx: TenantContext; userId: string; email: string; slug: string };
  let other: { ctx: TenantContext; userId: string; email: string; slug: string };
  let store: AdsStore;
  beforeEach(() => {
    session.user = null;
  });
  beforeAll(async () => {
    owner = await createTestTenant(db(), 'ads-act');
    other = await createTestTenant(db(), 'ads-act-other');
    store = await seedAdsStore(db(), owner.ctx);
  }, 60_000);

  const campaignForm = (slug: string) =>
    form({
      tenant: slug,
      name: 'From the form',
      objective: 'reengagement',
      segmentIds: store.vipSegmentId,
      locales: ['en', 'ja'],
      channels: ['meta', 'email'],
      budgetSplit: JSON.stringify({ meta: 0.5, email: 0.5 }),
      optimization: JSON.stringify({
        policy: 'thompson',
        reward: 'click',
        explorationFloor: 0.1,
        autoPause: false,
        alpha: 1,
      }),
    });

  it('creates a campaign from form data and sets its status', async () => {
    const signedOut = await createCampaignAction(undefined, campaignForm(owner.slug));
    expect(signedOut).toMatchObject({ ok: false, code: 'unauthenticated' });
    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const r = await createCampaignAction(undefined, campaignForm(owner.slug));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await getCampaign(db(), owner.ctx, r.data.id)).toMatchObject({
      segmentIds: [store.vipSegmentId],
      locales: ['en', 'ja'],
      channels: ['meta', 'email'],
      optimization: { explorationFloor: 0.1, autoPause: false },
    });
    const bad = await createCampaignAction(
      undefined,
      form({ tenant: owner.slug, name: '', objective: 'sales' }),
    );
    expect(bad).toMatchObject({ ok: false, code: 'validation_failed' });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {})).toEqual(
        expect.arrayContaining(['name', 'locales', 'channels']),
      );
    const active = await setCampaignStatusAction(
      undefined,
      form({ tenant: owner.slug, id: r.data.id, status: 'active' }),
    );
    expect(active).toEqual({ ok: true, data: { id: r.data.id } });

    // Another workspace's owner cannot reach it through their own workspace.
    session.user = { id: other.userId, email: other.email, name: 'Other' };
    const foreign = await setCampaignStatusAction(
      undefined,
      form({ tenant: other.slug, id: r.data.id, status: 'paused' }),
    );
    expect(foreign).toMatchObject({ ok: false, code: 'not_found' });
    const gen = await startGenerationAction(undefined, form({ tenant: other.slug, campaignId: r.data.id }));
    expect(gen).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses roles without ads.manage and never echoes the key', async () => {
    const analyst = await createTestMember(db(), owner.ctx, 'analyst');
    session.user = { id: analyst.userId!, email: 'a@example.test', name: 'Analyst' };
    const denied = await updateAdSettingsAction(
      undefined,
      form({ tenant: owner.slug, provider: 'template' }),
    );
    expect(denied).toMatchObject({ ok: false, code: 'forbidden' });

    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const saved = await updateAdSettingsAction(
      undefined,
      form({
        tenant: owner.slug,
        provider: 'openai',
        openaiBaseUrl: 'http://127.0.0.1:9/v1',
        openaiModel: 'm',
        openaiKey: 'sk-live-secret',
        bannedWords: 'cheap\nfree',
      }),
    );
    expect(saved.ok).toBe(true);
    expect(JSON.stringify(saved)).not.toContain('sk-live-secret');
    expect(await getAdSettingsView(db(), owner.ctx)).toMatchObject({
      keySet: true,
      bannedWords: ['cheap', 'free'],
    });
  });
});
