/**
 * Who is scored and what counts as the event. Churn: among shoppers with a paid order before the
 * as-of date, no paid order in [asOf, asOf + horizon). Propensity: among shoppers with any order
 * or event before the as-of date, a paid order in [asOf, asOf + horizon).
 */
import type { ShopperHistory } from '@/lib/predict/types';
import type { BinaryKind } from './index';

const DAY = 86_400_000;

/** Whether the shopper belongs to the scored population at `asOf` (epoch ms). */
export function eligible(kind: BinaryKind, h: ShopperHistory, asOf: number): boolean {
  if (kind === 'churn') return h.orders.some((o) => o.status === 'paid' && o.at < asOf);
  return h.orders.some((o) => o.at < asOf) || h.events.some((e) => e.at < asOf);
}

/** 1 when the event happens: churn = no paid order in the window, propensity = a paid order in it. */
export function labelOf(kind: BinaryKind, h: ShopperHistory, asOf: number, horizonDays: number): 0 | 1 {
  const end = asOf + horizonDays * DAY;
  const bought = h.orders.some((o) => o.status === 'paid' && o.at >= asOf && o.at < end);
  return (kind === 'churn' ? !bought : bought) ? 1 : 0;
}
