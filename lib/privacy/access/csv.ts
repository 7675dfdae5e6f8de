/**
 * The access export as CSV files, one per section plus `shopper.csv`: UTF-8 with a BOM and CRLF
 * like the segment export, cells through the segment CSV helper (quoted when needed, and a
 * leading = + - @ neutralized so a spreadsheet shows text instead of running a formula — shopper
 * data is attacker-controlled). Objects and arrays are written as JSON text.
 */
import { csvCell } from '@/lib/segments/members';
import type { ExportSection, ShopperExport } from '../subject-types';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // A number is data, not a formula: -3 stays -3 (csvCell would prefix the minus).
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return csvCell(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return csvCell(v.toISOString());
  return csvCell(JSON.stringify(v));
}

function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A section name reduced to a safe file name (letters, digits, `_` and `-`). */
const fileName = (name: string) => `${name.replace(/[^a-zA-Z0-9_-]+/g, '_') || 'section'}.csv`;

/**
 * The export as CSV files: `shopper.csv` (one row, columns in the shopper object's order), then
 * one file per section with its column list as header (a header-only file for an empty section).
 */
export function exportToCsvFiles(exp: ShopperExport): { name: string; csv: string }[] {
  const shopper: ExportSection = { name: 'shopper', columns: Object.keys(exp.shopper), rows: [exp.shopper] };
  return [shopper, ...exp.sections].map((s) => ({ name: fileName(s.name), csv: toCsv(s.columns, s.rows) }));
}
