import type { BadgeTone } from '@/components/jobs/present';
import type { ImportWithJob } from '@/lib/import/queries';

export const KIND_LABELS: Record<string, string> = {
  products: 'Products',
  shoppers: 'Customers',
  orders: 'Orders',
  events: 'Events',
};

export const FORMAT_LABELS: Record<string, string> = {
  csv: 'CSV',
  json: 'JSON',
  ndjson: 'NDJSON',
  'online-retail': 'Online Retail (UCI)',
};

export interface ImportState {
  text: string;
  tone: BadgeTone;
  /** Queued or running: the page refreshes itself. */
  active: boolean;
  /** The mapping can be chosen and the import (re)started. */
  startable: boolean;
}

/** What an import's status means for the UI (its job's live state wins while it runs). */
export function importState(imp: ImportWithJob): ImportState {
  const job = imp.job?.status;
  if (imp.status === 'pending')
    return { text: 'Ready to import', tone: 'gray', active: false, startable: true };
  if (imp.status === 'succeeded') return { text: 'Imported', tone: 'green', active: false, startable: true };
  if (imp.status === 'cancelled' || job === 'cancelled')
    return { text: 'Cancelled', tone: 'gray', active: false, startable: true };
  if (imp.status === 'failed' || job === 'failed')
    return { text: 'Failed', tone: 'red', active: false, startable: true };
  if (imp.status === 'running' || job === 'running')
    return { text: 'Importing', tone: 'blue', active: true, startable: false };
  return { text: 'Queued', tone: 'gray', active: true, startable: false };
}

export { failureOf, summaryOf } from '@/lib/import/outcome';

/** "12.3 MB", "845 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
