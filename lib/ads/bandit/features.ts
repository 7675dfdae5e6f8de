/**
 * LinUCB's context features: a one-hot vector of bias, segment, locale and device. The layout is
 * fixed by the campaign (its segment ids and locales, in the campaign's order), so the stored
 * per-arm state means the same thing on every decision; when the layout changes (a segment or
 * locale added), the dimension changes and stored state of the old size is discarded.
 *
 *   [ 1 | segment₁ … segmentₛ | locale₁ … localeₗ | mobile desktop tablet ]
 *
 * An unknown or missing segment/locale/device leaves its block all zero, so such a shopper is
 * scored by the bias and the blocks that are known.
 */
import type { DecisionContext } from '@/lib/ads/types';

export const DEVICES = ['mobile', 'desktop', 'tablet'] as const;

/** Length of the context vector: 1 (bias) + segments + locales + 3 devices. */
export function contextDimension(segmentCount: number, localeCount: number): number {
  return 1 + segmentCount + localeCount + DEVICES.length;
}

/**
 * The one-hot context vector of a decision.
 * @param segmentIds the campaign's segment ids, in the campaign's order
 * @param locales the campaign's locales, in the campaign's order; matched on the base language
 *   ("de-CH" → "de") when the exact tag is not listed
 */
export function contextVector(
  ctx: DecisionContext,
  segmentIds: readonly string[],
  locales: readonly string[],
): Float64Array {
  const x = new Float64Array(contextDimension(segmentIds.length, locales.length));
  x[0] = 1;
  let offset = 1;
  if (ctx.segmentId !== null) {
    const s = segmentIds.indexOf(ctx.segmentId);
    if (s >= 0) x[offset + s] = 1;
  }
  offset += segmentIds.length;
  if (ctx.locale !== null) {
    const tag = ctx.locale.toLowerCase();
    let l = locales.indexOf(tag);
    if (l < 0) l = locales.indexOf(tag.split(/[-_]/)[0] ?? tag);
    if (l >= 0) x[offset + l] = 1;
  }
  offset += locales.length;
  if (ctx.device !== null) {
    const d = DEVICES.indexOf(ctx.device);
    if (d >= 0) x[offset + d] = 1;
  }
  return x;
}
