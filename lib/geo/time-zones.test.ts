import { describe, expect, it } from 'vitest';
import { countryZones, localWeekHour, timeZoneOfCountry } from './time-zones';

describe('country time zones', () => {
  it('maps countries to their main zone, case-insensitively, with a fallback', () => {
    expect(timeZoneOfCountry('de', 'UTC')).toBe('Europe/Berlin');
    expect(timeZoneOfCountry('US', 'UTC')).toBe('America/New_York');
    expect(timeZoneOfCountry('ZZ', 'Europe/Paris')).toBe('Europe/Paris');
    expect(timeZoneOfCountry(null, 'UTC')).toBe('UTC');
  });

  it('only names zones this runtime knows', () => {
    for (const [, zone] of countryZones()) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });

  it('gives local weekday and hour, daylight saving included', () => {
    // Saturday 2026-07-04 22:30 UTC: Sunday 00:30 in Berlin (CEST), Saturday 18:30 in New York (EDT).
    const at = new Date('2026-07-04T22:30:00Z');
    expect(localWeekHour(at, 'Europe/Berlin')).toEqual({ weekday: 6, hour: 0 });
    expect(localWeekHour(at, 'America/New_York')).toEqual({ weekday: 5, hour: 18 });
    // In winter Berlin is UTC+1: 2026-01-05 (Monday) 23:10 UTC → Tuesday 00:10.
    expect(localWeekHour(new Date('2026-01-05T23:10:00Z'), 'Europe/Berlin')).toEqual({ weekday: 1, hour: 0 });
    expect(localWeekHour(new Date('2026-01-05T23:10:00Z'), 'Asia/Tokyo')).toEqual({ weekday: 1, hour: 8 });
  });
});
