/**
 * A rolling window (the last N × 24 hours: Overview, Performance) holds only part of its first and
 * last day: the first from the window's start, the last (today) up to now. The charts draw those
 * bars lighter and say which part, so today's short bar does not read as a drop in sales. Without
 * `from` (a window of whole days up to now: Quality), only the last day is partial.
 */
export function partialDays(
  days: readonly { day: string }[],
  window: { from?: Date; to: Date },
  locale: string,
  timeZone: string,
): { label: string; note: string }[] {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  // UTC days (Performance) say so: the merchant would read a bare time as their own.
  const zone = timeZone === 'UTC' ? ' UTC' : '';
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const at = (d: Date) => `${time.format(d)}${zone}`;
  const out = [{ label: last.day, note: `so far, until ${at(window.to)}` }];
  if (window.from && first.day !== last.day)
    out.unshift({ label: first.day, note: `from ${at(window.from)}` });
  return out;
}
