import type { Uplift } from '@/lib/attribution/service';
import { formatMoney } from '@/lib/format';

/** A 0–1 rate as a percentage with up to `digits` decimals ("4.2 %"). */
export function pct(rate: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(rate);
}

/** A difference of rates in percentage points, signed ("+0.35 pp"). */
export function pp(diff: number, locale: string): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return `${n.format(diff * 100)} pp`;
}

/** Money per impression: minor units may be fractional, so show one more decimal than the currency. */
export function moneyPerImpression(minor: number, currency: string, locale: string): string {
  const digits =
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits + 1,
    maximumFractionDigits: digits + 1,
  }).format(minor / 10 ** digits);
}

/** Signed money per impression for an interval bound. */
export function signedMoneyPerImpression(minor: number, currency: string, locale: string): string {
  const s = moneyPerImpression(Math.abs(minor), currency, locale);
  return minor > 0 ? `+${s}` : minor < 0 ? `−${s}` : s;
}

export { formatMoney };

/** The verdict in plain words for the merchant. `what` names the measure ("conversion rate"). */
export function verdictText(u: Uplift, what: string, holdoutLabel = 'the holdout'): string {
  switch (u.verdict) {
    case 'better':
      return `Personalized recommendations lift the ${what}: the whole 95 % interval is above ${holdoutLabel}.`;
    case 'worse':
      return `Personalized recommendations do worse on the ${what} than ${holdoutLabel}; check the placements below.`;
    case 'no_difference':
      return `No clear difference in ${what} yet: the 95 % interval includes zero. More traffic will tell.`;
    default:
      return 'Not enough data yet: each arm needs at least 100 widget views by identified shoppers (and 3 days for revenue).';
  }
}
