import type { ErasureReport, ErasureStep } from '@/lib/privacy/subject-types';

/**
 * Several erasure reports (a whole store's shoppers) as one: counts summed per target and action,
 * durations summed, the scan's remaining references summed. `subject` says how many were erased.
 */
export function mergeErasureReports(reports: readonly ErasureReport[]): ErasureReport {
  const steps = new Map<string, ErasureStep>();
  let durationMs = 0;
  let remaining = 0;
  let tablesScanned = 0;
  for (const r of reports) {
    durationMs += r.durationMs;
    remaining += r.verification.remaining;
    tablesScanned = Math.max(tablesScanned, r.verification.tablesScanned);
    for (const s of r.steps) {
      const key = `${s.target}\u0000${s.action}`;
      const prev = steps.get(key);
      if (prev) prev.count += s.count;
      else steps.set(key, { ...s });
    }
  }
  const now = new Date().toISOString();
  return {
    subject: `${reports.length} shopper${reports.length === 1 ? '' : 's'}`,
    erasedAt: now,
    durationMs,
    steps: [...steps.values()],
    verification: { tablesScanned, remaining, at: now },
  };
}
