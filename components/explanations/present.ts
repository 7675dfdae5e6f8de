/**
 * The Explanations page's URL state and small formatting helpers (pure, no React). The URL holds
 * the whole state (`?shopper=`, `?placement=`, `?product=`, `?view=item`), so a view can be shared.
 */

export type ExplanationsTab = 'shopper' | 'item';

export interface ExplanationsQuery {
  tab: ExplanationsTab;
  /** Tailor id, customer id or anonymous id, trimmed; '' when none. */
  shopper: string;
  /** Placement key; '' when none. */
  placement: string;
  /** Product id or the store's id; '' when none. */
  product: string;
}

function one(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.trim().slice(0, 200);
}

/** Reads the page's search params; a product (or `view=item`) opens the per-item tab. */
export function parseExplanationsQuery(
  params: Record<string, string | string[] | undefined>,
): ExplanationsQuery {
  const product = one(params.product);
  const tab: ExplanationsTab = product || one(params.view) === 'item' ? 'item' : 'shopper';
  return { tab, shopper: one(params.shopper), placement: one(params.placement), product };
}

/** The page's URL with these params (empty ones left out). */
export function explanationsHref(
  slug: string,
  params: Partial<Record<'view' | keyof ExplanationsQuery, string>>,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `/${slug}/explanations${s ? `?${s}` : ''}`;
}

/**
 * A reason's share of an item's score as a whole percentage with its sign ("62%", "−10%"); a
 * reason that places an item without scoring it (a pin, a fairness floor) reads "places it".
 */
export function reasonShare(contribution: number): string {
  if (!Number.isFinite(contribution) || contribution === 0) return 'places it';
  const pct = Math.round(contribution * 100);
  if (pct === 0) return contribution > 0 ? '<1%' : '>−1%';
  return pct < 0 ? `−${Math.abs(pct)}%` : `${pct}%`;
}
