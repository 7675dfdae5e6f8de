// The pure parts of a decision: campaign dates and the language fallback.
import { describe, expect, it } from 'vitest';
import type { LiveCreative } from './cache';
import { inLanguage, runsOn } from './decide';

const creative = (id: string, locale: string): LiveCreative => ({
  id,
  campaignId: 'c',
  segmentId: null,
  locale,
  fields: { headline: [id], cta: ['Go'] },
  product: null,
});

describe('ad decisions', () => {
  it('runs a campaign from its first to its last day inclusive (UTC), open ends allowed', () => {
    const at = (iso: string) => Date.parse(iso);
    const c = { startsOn: '2026-06-01', endsOn: '2026-06-30' };
    expect(runsOn(c, at('2026-05-31T23:59:59Z'))).toBe(false);
    expect(runsOn(c, at('2026-06-01T00:00:00Z'))).toBe(true);
    expect(runsOn(c, at('2026-06-30T23:59:59Z'))).toBe(true);
    expect(runsOn(c, at('2026-07-01T00:00:00Z'))).toBe(false);
    expect(runsOn({ startsOn: null, endsOn: null }, at('1999-01-01T00:00:00Z'))).toBe(true);
  });

  it('picks the request language, else English, else the campaign’s first locale', () => {
    const all = [creative('de1', 'de'), creative('en1', 'en'), creative('de2', 'de'), creative('ja1', 'ja')];
    expect(inLanguage(all, 'de-CH', ['de', 'en']).map((c) => c.id)).toEqual(['de1', 'de2']);
    expect(inLanguage(all, 'fr', ['de', 'en']).map((c) => c.id)).toEqual(['en1']);
    expect(inLanguage(all, null, ['ja']).map((c) => c.id)).toEqual(['en1']);
    const noEnglish = [creative('de1', 'de'), creative('ja1', 'ja')];
    expect(inLanguage(noEnglish, 'fr', ['ja', 'de']).map((c) => c.id)).toEqual(['ja1']);
    expect(inLanguage([], 'de', ['de'])).toEqual([]);
  });
});
