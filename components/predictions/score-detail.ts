/**
 * Reading a score's `detail` (stored JSON, see lib/predict/service.ts `ShopperScore`) without
 * trusting its shape: a missing or mistyped field reads as absent, never as a wrong figure.
 */

/** `detail[key]` when it is a finite number, else null. */
export function numberIn(detail: Record<string, unknown> | null | undefined, key: string): number | null {
  const v = detail?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Preference's top categories with their probabilities (clamped to [0, 1]), most likely first. */
export function topCategoriesOf(
  detail: Record<string, unknown> | null | undefined,
  limit = 5,
): { category: string; probability: number }[] {
  const top = detail?.top;
  if (!Array.isArray(top)) return [];
  const out: { category: string; probability: number }[] = [];
  for (const item of top) {
    if (typeof item !== 'object' || item === null) continue;
    const { category, probability } = item as { category?: unknown; probability?: unknown };
    if (typeof category !== 'string' || typeof probability !== 'number' || !Number.isFinite(probability))
      continue;
    out.push({ category, probability: Math.min(1, Math.max(0, probability)) });
  }
  return out.sort((a, b) => b.probability - a.probability).slice(0, limit);
}
