import type { ColumnMapping, ImportFormat, ImportKind } from './fields';
import { type RetailLine, parseRetailRow, retailColumns, retailInvoiceKey } from './online-retail';
import { type RowReader, isRowError, openRows } from './parse/reader';
import { type RowIssue, type RowRecord, validateRow } from './rows';
import { normalizeId } from './values';

/** Everything the pipeline needs to know about one import, resolved (no `auto`). */
export interface ImportPlan {
  importId: string;
  kind: ImportKind;
  format: ImportFormat;
  /** Absolute path of the stored file. */
  filePath: string;
  fileName: string;
  mapping: ColumnMapping;
  /** Currency of prices without a currency column; the whole file's for online-retail. */
  currency: string;
  /** Locale of titles and descriptions. */
  locale: string;
  /** Rows per batch (one transaction each). */
  batchRows: number;
  /** The stored file's SHA-256; the job refuses a file that no longer matches. */
  sha256?: string;
}

export type SourceResult =
  | { ok: true; record: RowRecord; line?: undefined }
  | { ok: true; line: RetailLine; record?: undefined }
  | { ok: false; issues: RowIssue[] };

/** One row as the pipeline sees it: its number, its grouping/dedupe key, and its outcome. */
export interface SourceRow {
  rowNo: number;
  /** Products/shoppers: the external id; orders: the order id; events: null. Null when unreadable. */
  key: string | null;
  /** Absent when only keys were asked for. */
  result?: SourceResult;
}

/** The column names rejections are reported under (the file's own names where mapped). */
export function fieldNamer(plan: ImportPlan): (field: string) => string {
  if (plan.format === 'online-retail') return (f) => f;
  return (f) => (f === '_row' ? 'row' : (plan.mapping[f] ?? f));
}

const KEY_FIELD: Record<ImportKind, string | null> = {
  products: 'externalId',
  shoppers: 'externalId',
  orders: 'orderId',
  events: null,
};

/**
 * Reads the stored file as pipeline rows. `validate: false` gives keys only (the fast first
 * pass). Throws FileFormatError for problems with the whole file.
 */
export async function readSource(
  plan: ImportPlan,
  opts: { validate: boolean },
): Promise<{ reader: RowReader; rows: AsyncGenerator<SourceRow> }> {
  const reader = await openRows(plan.filePath, {
    format: plan.format === 'online-retail' ? 'csv' : plan.format,
    fileName: plan.fileName,
  });
  const name = fieldNamer(plan);
  const unreadable = (rowNo: number, error: string): SourceRow => ({
    rowNo,
    key: null,
    result: { ok: false, issues: [{ field: 'row', reason: error }] },
  });

  if (plan.format === 'online-retail') {
    const at = retailColumns(reader.columns);
    const cols = {
      at,
      columnsOf: (v: Record<string, unknown>) => reader.columns.map((c) => String(v[c] ?? '')),
    };
    const rows = (async function* (): AsyncGenerator<SourceRow> {
      for await (const item of reader.rows) {
        if (isRowError(item)) {
          yield unreadable(item.rowNo, item.error);
          continue;
        }
        const fields = item.fields ?? cols.columnsOf(item.values);
        const key = retailInvoiceKey(fields, cols.at) || null;
        if (!opts.validate) {
          yield { rowNo: item.rowNo, key };
          continue;
        }
        const r = parseRetailRow(fields, cols.at, plan.currency);
        yield { rowNo: item.rowNo, key, result: r.ok ? { ok: true as const, line: r.line } : r };
      }
    })();
    return { reader, rows };
  }

  const keyField = KEY_FIELD[plan.kind];
  const keyColumn = keyField ? plan.mapping[keyField] : undefined;
  const options = { currency: plan.currency, locale: plan.locale };
  const rows = (async function* (): AsyncGenerator<SourceRow> {
    for await (const item of reader.rows) {
      if (isRowError(item)) {
        yield unreadable(item.rowNo, item.error);
        continue;
      }
      const key = keyColumn ? normalizeId(item.values[keyColumn]) || null : null;
      if (!opts.validate) {
        yield { rowNo: item.rowNo, key };
        continue;
      }
      const r = validateRow(plan.kind, item.values, plan.mapping, options);
      yield {
        rowNo: item.rowNo,
        key,
        result: r.ok
          ? { ok: true as const, record: r.record }
          : { ok: false as const, issues: r.issues.map((i) => ({ field: name(i.field), reason: i.reason })) },
      };
    }
  })();
  return { reader, rows };
}
