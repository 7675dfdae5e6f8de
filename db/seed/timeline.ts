/** The generated history's calendar: `days` UTC calendar days, the last one containing `now`. */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export interface Timeline {
  /** The generation "now" (ms since epoch); nothing is generated at or after it. */
  nowMs: number;
  days: number;
  /** now − days: the earliest instant of the history. */
  startMs: number;
  /** UTC midnight of day 0 (may precede `startMs` by part of a day). */
  day0Ms: number;
}

export function makeTimeline(now: Date, days: number): Timeline {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('now must be a valid date');
  const midnight = Math.floor(nowMs / DAY_MS) * DAY_MS;
  return { nowMs, days, startMs: nowMs - days * DAY_MS, day0Ms: midnight - (days - 1) * DAY_MS };
}

export function dayStartMs(tl: Timeline, day: number): number {
  return tl.day0Ms + day * DAY_MS;
}

/** 0 = Sunday … 6 = Saturday, of calendar day `day`. */
export function weekday(tl: Timeline, day: number): number {
  return new Date(dayStartMs(tl, day)).getUTCDay();
}

export function monthOf(ms: number): number {
  return new Date(ms).getUTCMonth();
}
