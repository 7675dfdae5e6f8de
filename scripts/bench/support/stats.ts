/** Summary statistics of durations in milliseconds (nearest-rank percentiles). */
export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0)
    return { n: 0, min: Number.NaN, median: Number.NaN, p95: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const at = (i: number) => s[Math.min(n - 1, Math.max(0, i))] ?? Number.NaN;
  const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return {
    n,
    min: at(0),
    median,
    p95: percentile(s, 95),
    max: at(n - 1),
    mean: s.reduce((a, b) => a + b, 0) / n,
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '-');
export const secs = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : '-');
export const mib = (kb: number | null) => (kb === null ? '-' : `${(kb / 1024).toFixed(0)} MiB`);

/** A text table for the console: first column left-aligned, the others right (or all left). */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: 'numbers' | 'left' = 'numbers',
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === 0 || align === 'left' ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
