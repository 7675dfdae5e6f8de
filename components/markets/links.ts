import type { MarketBy } from '@/lib/markets/service';

/** What a Markets URL carries besides the workspace: all optional, defaults omitted. */
export interface MarketsQuery {
  by?: MarketBy;
  days?: number;
  /** Last UTC day included (YYYY-MM-DD); omitted = the last day with data. */
  end?: string;
  sort?: string;
  dir?: 'asc' | 'desc';
}

/** `/<slug>/markets[/<market>]?…`, keeping only the non-default parameters. */
export function marketsHref(slug: string, q: MarketsQuery, market?: string): string {
  const p = new URLSearchParams();
  if (q.by && q.by !== 'country') p.set('by', q.by);
  if (q.days && q.days !== 90) p.set('days', String(q.days));
  if (q.end) p.set('end', q.end);
  if (q.sort && q.sort !== 'revenue') p.set('sort', q.sort);
  if (q.dir && q.dir !== 'desc') p.set('dir', q.dir);
  const path = `/${slug}/markets${market ? `/${encodeURIComponent(market)}` : ''}`;
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The UTC day `days` before/after a YYYY-MM-DD day. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
