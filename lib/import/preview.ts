import type { Db } from '@/db/client';
import { notFound } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import {
  type ColumnMapping,
  type ImportKind,
  TARGET_FIELDS,
  type TargetField,
  mappingProblems,
} from './fields';
import { type ImportOptions, planOf } from './job';
import { ONLINE_RETAIL_COLUMNS, parseRetailRow, retailColumns } from './online-retail';
import { isRowError, openRows } from './parse/reader';
import { FileFormatError } from './parse/text';
import { type ImportWithJob, findSameFileImport, getImport } from './queries';
import { validateRow } from './rows';
import { cellText } from './values';

export interface PreviewRow {
  rowNo: number;
  /** Target field (or Online Retail column) → the cell's text, shortened. */
  cells: Record<string, string>;
  issues: { field: string; reason: string }[];
}

export interface ImportPreview {
  import: ImportWithJob;
  /** The file's columns (JSON: keys of its first rows). */
  columns: string[];
  /** The fields shown as preview columns, in order. */
  fields: Pick<TargetField, 'key' | 'label' | 'required' | 'hint'>[];
  mapping: ColumnMapping;
  /** Whole-file problems that stop the import from starting (required fields unmapped…). */
  problems: string[];
  rows: PreviewRow[];
  /** An earlier successful import of the same file and kind: re-importing it changes nothing. */
  sameFile: { id: string; createdAt: Date } | null;
}

const short = (v: unknown) => {
  const s = cellText(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
};

/**
 * The first `limit` rows (default 8) of an import as the mapping (default: the stored one) reads
 * them, with each row's problems, plus problems with the mapping itself. Not found for another
 * tenant's import; a file that cannot be read at all yields a problem, not an exception.
 */
export async function previewImport(
  db: Db,
  ctx: TenantContext,
  id: string,
  opts: { mapping?: ColumnMapping; limit?: number } = {},
): Promise<ImportPreview> {
  const row = await getImport(db, ctx, id);
  if (!row) throw notFound('Import not found.');
  const kind = row.kind as ImportKind;
  const plan = planOf(row);
  const options = row.options as unknown as ImportOptions;
  const retail = row.format === 'online-retail';
  const mapping = retail ? {} : (opts.mapping ?? row.mapping);
  const fields = retail
    ? ONLINE_RETAIL_COLUMNS.map((c) => ({
        key: c,
        label: c,
        required: c !== 'CustomerID' && c !== 'Description',
      }))
    : TARGET_FIELDS[kind].map(({ key, label, required, hint }) => ({ key, label, required, hint }));
  const problems = retail
    ? []
    : mappingProblems(kind, mapping, row.format === 'csv' ? options.columns : null);
  const rows: PreviewRow[] = [];
  let columns = options.columns ?? [];
  try {
    const reader = await openRows(plan.filePath, {
      format: retail ? 'csv' : (plan.format as 'csv'),
      fileName: plan.fileName,
    });
    const cols = retail ? retailColumns(reader.columns) : null;
    for await (const item of reader.rows) {
      if (rows.length >= (opts.limit ?? 8)) break;
      if (isRowError(item)) {
        rows.push({ rowNo: item.rowNo, cells: {}, issues: [{ field: 'row', reason: item.error }] });
        continue;
      }
      if (cols) {
        const fieldsOf = item.fields ?? reader.columns.map((c) => cellText(item.values[c]));
        const r = parseRetailRow(fieldsOf, cols, plan.currency);
        const cells = Object.fromEntries(
          ONLINE_RETAIL_COLUMNS.map((c) => [c, short(fieldsOf[cols[c].index])]),
        );
        rows.push({ rowNo: item.rowNo, cells, issues: r.ok ? [] : r.issues });
        continue;
      }
      const cells: Record<string, string> = {};
      for (const [field, column] of Object.entries(mapping)) cells[field] = short(item.values[column]);
      const r = validateRow(kind, item.values, mapping, { currency: plan.currency, locale: plan.locale });
      rows.push({
        rowNo: item.rowNo,
        cells,
        issues: r.ok ? [] : r.issues.map((i) => ({ field: mapping[i.field] ?? i.field, reason: i.reason })),
      });
    }
    await reader.rows.return(undefined);
    if (reader.format !== 'csv') columns = [...new Set([...columns, ...reader.columns])];
  } catch (e) {
    if (!(e instanceof FileFormatError)) throw e;
    problems.push(e.message);
  }
  const same = await findSameFileImport(db, ctx, row.sha256, row.kind, row.id);
  return {
    import: row,
    columns,
    fields,
    mapping,
    problems,
    rows,
    sameFile: same ? { id: same.id, createdAt: same.createdAt } : null,
  };
}
