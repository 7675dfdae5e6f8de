import fs from 'node:fs';
import { RetailCatalog } from './online-retail';
import { FileFormatError } from './parse/text';
import { type ImportPlan, readSource } from './source';
import { detach } from './values';

/** What the first pass learns about the whole file before anything is written. */
export interface ScanResult {
  /** Data rows, unreadable ones included. */
  rows: number;
  /** Bytes of the stored file. */
  bytes: number;
  sha256: string | null;
  /** Orders: how many rows each order has, so a batch never writes half an order. */
  groupSizes: Map<string, number>;
  /** Products and shoppers: the last row of each external id (earlier ones are superseded). */
  lastRowOf: Map<string, number>;
  /** Online Retail: products and customers of the whole file. */
  catalog: RetailCatalog | null;
}

/**
 * The first pass: counts rows, learns order sizes or last occurrences (and, for the Online
 * Retail format, the catalog), and checks the file still has the SHA-256 it was stored with.
 * Calls `onProgress(bytesRead, totalBytes)` as it goes; `checkCancelled` may throw to stop.
 */
export async function scanFile(
  plan: ImportPlan,
  hooks: { onProgress?: (done: number, total: number) => void; checkCancelled?: () => void } = {},
): Promise<ScanResult> {
  const bytes = fs.statSync(plan.filePath).size;
  const retail = plan.format === 'online-retail';
  const { reader, rows } = await readSource(plan, { validate: retail });
  const groups = plan.kind === 'orders' || retail;
  const dedupe = !retail && (plan.kind === 'products' || plan.kind === 'shoppers');
  const result: ScanResult = {
    rows: 0,
    bytes,
    sha256: null,
    groupSizes: new Map(),
    lastRowOf: new Map(),
    catalog: retail ? new RetailCatalog() : null,
  };
  for await (const row of rows) {
    result.rows = row.rowNo;
    if (row.key !== null) {
      if (groups) {
        const n = result.groupSizes.get(row.key);
        result.groupSizes.set(n === undefined ? detach(row.key) : row.key, (n ?? 0) + 1);
      } else if (dedupe) {
        result.lastRowOf.set(result.lastRowOf.has(row.key) ? row.key : detach(row.key), row.rowNo);
      }
    }
    if (result.catalog && row.result?.ok && row.result.line) result.catalog.add(row.result.line);
    if ((row.rowNo & 4095) === 0) {
      hooks.checkCancelled?.();
      hooks.onProgress?.(reader.bytesRead(), bytes);
    }
  }
  result.sha256 = reader.sha256();
  if (plan.sha256 && result.sha256 && result.sha256 !== plan.sha256) {
    throw new FileFormatError('The stored file has changed since it was uploaded; upload it again.');
  }
  hooks.onProgress?.(bytes, bytes);
  return result;
}
