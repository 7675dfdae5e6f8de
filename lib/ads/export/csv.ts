/**
 * CSV writing for the ad platform import files: RFC 4180 quoting, CRLF line ends and a UTF-8 byte
 * order mark, so Excel opens Japanese or German copy without mangling it. Unlike the members
 * export (lib/segments/members.ts), cells are written verbatim: an import tool reads the text
 * literally, so the usual leading-apostrophe guard against spreadsheet formulas would end up in
 * the ad. Texts that a spreadsheet would run as a formula are refused by `cellProblem` instead.
 */
import type { CreativeFields } from '@/lib/ads/types';

/** A creative that would break an import file; `problems` names each one ("Ad 3: Final URL …"). */
export class ExportError extends Error {
  constructor(
    readonly problems: string[],
    /** How many creatives (rows) have problems. */
    count: number,
  ) {
    super(
      `${count === 1 ? '1 creative' : `${count} creatives`} cannot be exported: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
    this.name = 'ExportError';
  }
}

/** One CSV cell: quoted when it holds a quote, comma, line break or edge space. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole file: BOM, header, rows, each line ending in CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => `${cells.map(csvCell).join(',')}\r\n`);
  return `\ufeff${lines.join('')}`;
}

/**
 * Why a text cannot go into an import cell, or null: line breaks and tabs (ad texts are one
 * line) and a leading = + @ or "-" + non-digit, which spreadsheets evaluate as a formula
 * ("-20 %" stays allowed).
 */
export function cellProblem(text: string): string | null {
  if (/[\r\n\t]/.test(text)) return 'contains a line break or tab';
  if (/^[=+@]/.test(text) || /^-(?![\d\s])/.test(text))
    return 'starts with a character spreadsheets read as a formula';
  return null;
}

/** Why `url` cannot be a landing page, or null: it must be an absolute http(s) URL. */
export function urlProblem(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? null : 'is not an http(s) address';
  } catch {
    return 'is not a valid web address';
  }
}

/** The texts of one field, [] when absent. */
export function texts(fields: CreativeFields, key: string): string[] {
  const value = fields[key];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}
