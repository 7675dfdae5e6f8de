import { formatMoney, formatNumber } from '@/lib/format';

/** A 0–1 rate as a percentage ("4.2 %"), or "—" when unknown. */
export function pct(rate: number | null, locale: string, digits = 1): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(rate);
}

/** Minor units (possibly fractional, e.g. an average) as money, or "—" when unknown. */
export function money(minor: number | null, currency: string, locale: string): string {
  return minor === null ? '—' : formatMoney(Math.round(minor), currency, locale);
}

/** A price percentile 0–1 as "P42" style text, or "—". */
export function percentile(p: number | null): string {
  return p === null ? '—' : `P${Math.round(p * 100)}`;
}

export { formatNumber };

/** "1 Sep 2026 – 29 Nov 2026" for a period given as inclusive UTC days. */
export function periodText(from: Date, end: string, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return `${f.format(from)} – ${f.format(new Date(`${end}T00:00:00Z`))}`;
}
