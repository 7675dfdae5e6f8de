import { describe, expect, it } from 'vitest';
import { campaignInputSchema } from '@/lib/ads/schemas';
import {
  displayUrl,
  evenSplit,
  formatLift,
  formatRate,
  groupCreatives,
  localeLabel,
  parseWordList,
  splitChecks,
  toFormData,
} from './present';

/**
 * What tenantAction does to form data (lib/actions/action.ts formToObject; that module pulls in
 * the session, which does not load outside Next): repeated keys become arrays.
 */
function formToObject(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of data.entries()) {
    const value = typeof v === 'string' ? v : v.name;
    const prev = out[k];
    out[k] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

describe('ads dashboard helpers', () => {
  it('groups creatives by segment, then locale, in first-seen order', () => {
    const groups = groupCreatives([
      { id: 'a', segmentId: null, locale: 'en' },
      { id: 'b', segmentId: 's1', locale: 'de' },
      { id: 'c', segmentId: null, locale: 'de' },
      { id: 'd', segmentId: 's1', locale: 'de' },
      { id: 'e', segmentId: null, locale: 'en' },
    ]);
    expect(groups.map((g) => g.segmentId)).toEqual([null, 's1']);
    expect(groups[0]?.locales.map((l) => [l.locale, l.items.map((i) => i.id)])).toEqual([
      ['en', ['a', 'e']],
      ['de', ['c']],
    ]);
    expect(groups[1]?.locales).toEqual([
      { locale: 'de', items: [expect.objectContaining({ id: 'b' }), expect.objectContaining({ id: 'd' })] },
    ]);
  });

  it('puts failed checks apart from passed ones', () => {
    const { failed, passed } = splitChecks([
      { check: 'fields', passed: true },
      { check: 'length', passed: false, reason: 'headlines[1]: 34 of 30 characters', field: 'headlines[1]' },
      { check: 'language', passed: true },
    ]);
    expect(failed.map((c) => c.check)).toEqual(['length']);
    expect(passed.map((c) => c.check)).toEqual(['fields', 'language']);
  });

  it('formats rates and lifts with a sign and more digits for small rates', () => {
    expect(formatRate(0.042)).toBe('4.2 %');
    expect(formatRate(0.0042)).toBe('0.42 %');
    expect(formatRate(null)).toBe('—');
    expect(formatLift(0.12)).toBe('+12.0 %');
    expect(formatLift(-0.034)).toBe('−3.4 %');
    expect(formatLift(Number.NaN)).toBe('—');
  });

  it('splits budgets evenly into whole percentages that add up to 100', () => {
    expect(evenSplit(3)).toEqual([34, 33, 33]);
    expect(evenSplit(4)).toEqual([25, 25, 25, 25]);
    expect(evenSplit(0)).toEqual([]);
    for (let n = 1; n <= 4; n++) expect(evenSplit(n).reduce((s, x) => s + x, 0)).toBe(100);
  });

  it('reads word lists from lines or commas, once each', () => {
    expect(parseWordList('cheap, Cheap\nfree\n\n  best ')).toEqual(['cheap', 'free', 'best']);
  });

  it('shows a display URL as host and first path segment', () => {
    expect(displayUrl('https://www.shop.example/shirts/blue-oxford?x=1')).toBe('shop.example/shirts');
    expect(displayUrl(null)).toBe('your-store.example');
    expect(displayUrl('not a url')).toBe('your-store.example');
    expect(localeLabel('de')).toBe('German (de)');
    expect(localeLabel('xx')).toBe('xx');
  });

  it('sends the campaign form in the shape the campaign schema reads', () => {
    const data = toFormData({
      tenant: 'demo',
      name: 'Winter sale',
      objective: 'sales',
      segmentIds: ['6f1c1d8e-0d3c-4a5e-9b47-2f1a2b3c4d5e'],
      productMode: 'recommended',
      locales: ['en', 'de'],
      channels: ['google-rsa', 'banner'],
      budgetMinor: null,
      currency: 'EUR',
      budgetSplit: { 'google-rsa': 0.5, banner: 0.5 },
      startsOn: null,
      endsOn: null,
      placementKey: 'home-hero',
      optimization: {
        policy: 'thompson',
        reward: 'click',
        explorationFloor: 0.05,
        autoPause: true,
        alpha: 1,
      },
    });
    const parsed = campaignInputSchema.parse(formToObject(data));
    expect(parsed.locales).toEqual(['en', 'de']);
    expect(parsed.channels).toEqual(['google-rsa', 'banner']);
    expect(parsed.budgetSplit).toEqual({ 'google-rsa': 0.5, banner: 0.5 });
    expect(parsed.placementKey).toBe('home-hero');
    expect(parsed.optimization.autoPause).toBe(true);
    expect(parsed.budgetMinor).toBeUndefined();
  });

  it('sends one chosen language as a list too', () => {
    const data = toFormData({
      name: 'x',
      objective: 'launch',
      locales: ['ja'],
      channels: ['email'],
      segmentIds: [],
    });
    const parsed = campaignInputSchema.parse(formToObject(data));
    expect(parsed.locales).toEqual(['ja']);
    expect(parsed.segmentIds).toEqual([]);
  });
});
