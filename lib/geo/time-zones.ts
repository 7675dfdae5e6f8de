/**
 * Country → the IANA time zone where most of its people live, for "local time" in cross-border
 * analytics and a shopper's habits. One zone per country on purpose: a store's order rarely says
 * which US state it came from, and the main zone's hours are what a merchant plans campaigns by.
 * Countries not listed fall back to what the caller passes (the workspace zone, or UTC).
 */
const MAIN_ZONE: Readonly<Record<string, string>> = {
  AE: 'Asia/Dubai',
  AR: 'America/Argentina/Buenos_Aires',
  AT: 'Europe/Vienna',
  AU: 'Australia/Sydney',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CH: 'Europe/Zurich',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  CO: 'America/Bogota',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  EG: 'Africa/Cairo',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  GR: 'Europe/Athens',
  HK: 'Asia/Hong_Kong',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  ID: 'Asia/Jakarta',
  IE: 'Europe/Dublin',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  IS: 'Atlantic/Reykjavik',
  IT: 'Europe/Rome',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MA: 'Africa/Casablanca',
  MT: 'Europe/Malta',
  MX: 'America/Mexico_City',
  MY: 'Asia/Kuala_Lumpur',
  NG: 'Africa/Lagos',
  NL: 'Europe/Amsterdam',
  NO: 'Europe/Oslo',
  NZ: 'Pacific/Auckland',
  PE: 'America/Lima',
  PH: 'Asia/Manila',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  RS: 'Europe/Belgrade',
  RU: 'Europe/Moscow',
  SA: 'Asia/Riyadh',
  SE: 'Europe/Stockholm',
  SG: 'Asia/Singapore',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  TH: 'Asia/Bangkok',
  TR: 'Europe/Istanbul',
  TW: 'Asia/Taipei',
  UA: 'Europe/Kyiv',
  US: 'America/New_York',
  VN: 'Asia/Ho_Chi_Minh',
  ZA: 'Africa/Johannesburg',
};

/**
 * The main IANA zone of an ISO 3166-1 alpha-2 country code (case-insensitive), or `fallback`
 * for unknown, empty or null codes.
 */
export function timeZoneOfCountry(country: string | null | undefined, fallback: string): string {
  if (!country) return fallback;
  return MAIN_ZONE[country.trim().toUpperCase()] ?? fallback;
}

/** The whole mapping as [country, zone] pairs, sorted by country (for SQL CASE expressions). */
export function countryZones(): [string, string][] {
  return Object.entries(MAIN_ZONE).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Local weekday (0 = Monday … 6 = Sunday) and hour (0–23) of an instant in an IANA zone, via Intl
 * (daylight saving included). Used by tests to check the SQL and by callers without a database.
 */
export function localWeekHour(at: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const wd = parts.find((p) => p.type === 'weekday')?.value ?? 'Mon';
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(wd), hour: hour % 24 };
}

/** The IANA zone for an ISO 3166-1 alpha-2 country code; 'UTC' when unknown. */
export function timeZoneOf(country: string | null | undefined): string {
  return timeZoneOfCountry(country, 'UTC');
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A reusable local-clock reader for one zone: `{ hour: 0–23, weekday: 0–6 (Monday = 0) }`.
 * Formatters are cached per zone (creating one costs far more than using it).
 */
export function localClock(timeZone: string): (ms: number) => { hour: number; weekday: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  const fmt = f;
  // Every zone's offset is a multiple of 15 minutes, so one reading serves a whole quarter hour:
  // a shopper's events cluster in sessions, and formatting is the costly part.
  const memo = new Map<number, { hour: number; weekday: number }>();
  return (ms) => {
    const slot = Math.floor(ms / 900_000);
    const hit = memo.get(slot);
    if (hit) return hit;
    let hour = 0;
    let weekday = 0;
    for (const part of fmt.formatToParts(slot * 900_000)) {
      if (part.type === 'hour') hour = Number(part.value) % 24;
      else if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 0;
    }
    const value = { hour, weekday };
    memo.set(slot, value);
    return value;
  };
}
