import type { ImportWithJob } from './queries';
import type { ImportSummary } from './summary';

/** The stored summary, or null when the import has not finished (or failed before one). */
export function summaryOf(imp: ImportWithJob): ImportSummary | null {
  const s = imp.summary as Partial<ImportSummary> | null;
  return s && typeof s.rows === 'number' ? (s as ImportSummary) : null;
}

/** Why an import failed (the job's stored, safe message), or null when it did not. */
export function failureOf(imp: ImportWithJob): string | null {
  const s = imp.summary as { error?: unknown } | null;
  if (s && typeof s.error === 'string') return s.error;
  return imp.status === 'failed' || imp.job?.status === 'failed'
    ? (imp.job?.error ?? 'The import failed.')
    : null;
}
