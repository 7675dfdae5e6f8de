import { describe, expect, it } from 'vitest';
import { partialDays } from './partial-days';

describe('partialDays', () => {
  const window = { from: new Date('2026-10-31T06:40:00Z'), to: new Date('2026-11-30T06:40:00Z') };
  const days = [{ day: '2026-10-31' }, { day: '2026-11-15' }, { day: '2026-11-30' }];

  it('names the first day from the window start and the last up to now, in the workspace time zone', () => {
    expect(partialDays(days, window, 'en', 'Europe/Berlin')).toEqual([
      { label: '2026-10-31', note: 'from 7:40 AM' },
      { label: '2026-11-30', note: 'so far, until 7:40 AM' },
    ]);
    expect(partialDays(days, window, 'en', 'UTC')[1]?.note).toBe('so far, until 6:40 AM UTC');
  });

  it('has one partial day when the window is one day, none without days', () => {
    expect(partialDays([{ day: '2026-11-30' }], window, 'en', 'UTC')).toEqual([
      { label: '2026-11-30', note: 'so far, until 6:40 AM UTC' },
    ]);
    expect(partialDays([], window, 'en', 'UTC')).toEqual([]);
  });

  it('leaves the first day whole for a window of whole days', () => {
    expect(partialDays(days, { to: window.to }, 'en', 'UTC')).toEqual([
      { label: '2026-11-30', note: 'so far, until 6:40 AM UTC' },
    ]);
  });
});
