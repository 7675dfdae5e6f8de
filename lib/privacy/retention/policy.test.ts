import { describe, expect, it } from 'vitest';
import { cutoffs, limitText, monthsBefore, statusOf } from './policy';

const NOW = new Date('2026-03-31T10:00:00Z');

describe('retention policy', () => {
  it('counts calendar months back, clamped to the shorter month', () => {
    expect(monthsBefore(NOW, 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(monthsBefore(NOW, 13).toISOString()).toBe('2025-02-28T10:00:00.000Z');
    expect(monthsBefore(new Date('2026-05-15T00:00:00Z'), 6).toISOString()).toBe('2025-11-15T00:00:00.000Z');
  });

  it('computes cutoffs per policy and none for keep-forever', () => {
    const c = cutoffs({ rawEventsDays: 30, inactiveShopperMonths: null, logsDays: 1 }, NOW);
    expect(c.rawEventsDays?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(c.inactiveShopperMonths).toBeNull();
    expect(c.logsDays?.toISOString()).toBe('2026-03-30T10:00:00.000Z');
  });

  it('is overdue only past the limit plus the one-day grace of a daily job', () => {
    const policy = { rawEventsDays: 30, inactiveShopperMonths: 6, logsDays: 14 };
    const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
    const s = statusOf(policy, { event: at(30.5), shopperActivity: null, log: at(15.5) }, NOW);
    expect(s.map((x) => x.state)).toEqual(['compliant', 'compliant', 'overdue']);
    expect(s[1]?.oldest).toBeNull();
    const off = statusOf(
      { rawEventsDays: null, inactiveShopperMonths: null, logsDays: null },
      { event: at(999), shopperActivity: at(999), log: at(999) },
      NOW,
    );
    expect(off.map((x) => x.state)).toEqual(['off', 'off', 'off']);
  });

  it('words the limit', () => {
    expect(limitText({ limit: null, unit: 'days' })).toBe('Keep forever');
    expect(limitText({ limit: 1, unit: 'months' })).toBe('1 month');
    expect(limitText({ limit: 30, unit: 'days' })).toBe('30 days');
  });
});
