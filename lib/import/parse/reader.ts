import { CsvParser } from './csv';
import { type JsonItem, JsonArrayScanner, JsonStructureError, NdjsonScanner } from './json';
import { FileFormatError, INVALID_UTF8, INVALID_UTF8_REASON, openText } from './text';

export type SourceFormat = 'csv' | 'json' | 'ndjson';

/** A data row keyed by column (CSV header name, or a JSON key path such as `price.amount`). */
export interface ParsedRow {
  rowNo: number;
  values: Record<string, unknown>;
  /** CSV only: the fields in header order (cheaper than `values` for fixed formats). */
  fields?: readonly string[];
}

/** A CSV row: `values` is only built when asked for. */
class CsvRow implements ParsedRow {
  private cached: Record<string, unknown> | undefined;
  constructor(
    readonly rowNo: number,
    readonly fields: readonly string[],
    private readonly columns: readonly string[],
  ) {}
  get values(): Record<string, unknown> {
    if (!this.cached) {
      const values: Record<string, unknown> = {};
      for (let i = 0; i < this.columns.length; i++) values[this.columns[i]!] = this.fields[i];
      this.cached = values;
    }
    return this.cached;
  }
}
/** A row that could not be read at all. */
export interface ParsedError {
  rowNo: number;
  error: string;
}
export type RowItem = ParsedRow | ParsedError;

export const isRowError = (r: RowItem): r is ParsedError => 'error' in r;

export interface RowReader {
  format: SourceFormat;
  /** CSV only: the separator found in the header line. */
  delimiter?: string;
  /** CSV: the header. JSON: keys of the rows read so far (grows while reading). */
  columns: string[];
  /** Data rows numbered from 1 (the CSV header is not a row). Throws FileFormatError. */
  rows: AsyncGenerator<RowItem>;
  bytesRead(): number;
  /** SHA-256 of the stored bytes, once all were read. */
  sha256(): string | null;
}

const MAX_COLUMNS = 500;

/** Picks csv/json/ndjson from the name (`.gz` ignored) and the first characters of the text. */
export function detectFormat(fileName: string, head: string): SourceFormat {
  const name = fileName.toLowerCase().replace(/\.gz$/, '');
  const first = head.replace(/^\ufeff/, '').trimStart()[0];
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  if (first === '[') return 'json';
  if (first === '{') return 'ndjson';
  return 'csv';
}

/** Header names made usable: blanks named by position, repeats numbered. */
export function normalizeHeader(fields: string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((raw, i) => {
    const base = raw.trim() || `column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Nested objects become dotted keys (`{price: {amount: 1}}` → `price.amount`); arrays stay. */
export function flatten(
  value: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
  depth = 0,
) {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 3) {
      flatten(v as Record<string, unknown>, key, out, depth + 1);
    } else out[key] = v;
  }
  return out;
}

function hasInvalid(values: Iterable<unknown>): boolean {
  for (const v of values) if (typeof v === 'string' && v.includes(INVALID_UTF8)) return true;
  return false;
}

/**
 * Opens a stored file as a stream of rows. `format: 'auto'` decides from the name and content.
 * For CSV the header is read before this resolves (FileFormatError when the file is empty or
 * its header is unreadable). Nothing is loaded whole: rows are produced as the file is read.
 */
export async function openRows(
  path: string,
  opts: { format: SourceFormat | 'auto'; fileName?: string; delimiter?: string },
): Promise<RowReader> {
  const text = openText(path);
  const chunks = text.chunks;
  // Read until there is some content: the format is decided from the first characters.
  let head = '';
  while (!head.replace(/^\ufeff/, '').trim()) {
    const n = await chunks.next();
    if (n.done) throw new FileFormatError('The file is empty.');
    head += n.value;
  }
  const format = opts.format === 'auto' ? detectFormat(opts.fileName ?? path, head) : opts.format;
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    yield* chunks;
  }
  const reader: RowReader = {
    format,
    columns: [],
    rows: undefined as unknown as AsyncGenerator<RowItem>,
    bytesRead: text.bytesRead,
    sha256: text.sha256,
  };
  if (format === 'csv') {
    const source = all();
    const parser = new CsvParser({ delimiter: opts.delimiter });
    const pending: ReturnType<CsvParser['push']> = [];
    let done = false;
    while (pending.length === 0 && !done) {
      const n = await source.next();
      if (n.done) {
        pending.push(...parser.end());
        done = true;
      } else pending.push(...parser.push(n.value));
    }
    const header = pending.shift();
    if (!header) throw new FileFormatError('The file is empty.');
    if ('error' in header) throw new FileFormatError(`The header row cannot be read: ${header.error}.`);
    if (header.fields.some((f) => f.includes(INVALID_UTF8))) {
      throw new FileFormatError(`The header row ${INVALID_UTF8_REASON}.`);
    }
    if (header.fields.length > MAX_COLUMNS)
      throw new FileFormatError(`The file has more than ${MAX_COLUMNS} columns.`);
    const columns = normalizeHeader(header.fields);
    reader.columns = columns;
    reader.delimiter = parser.delimiter;
    reader.rows = (async function* () {
      let rowNo = 0;
      const emit = (rec: (typeof pending)[number]): RowItem => {
        rowNo++;
        if ('error' in rec) return { rowNo, error: `${rec.error} (line ${rec.line})` };
        if (rec.fields.length !== columns.length) {
          return {
            rowNo,
            error: `has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, the header has ${columns.length} (line ${rec.line})`,
          };
        }
        if (text.sawInvalidUtf8() && hasInvalid(rec.fields)) return { rowNo, error: INVALID_UTF8_REASON };
        return new CsvRow(rowNo, rec.fields, columns);
      };
      for (const rec of pending) yield emit(rec);
      pending.length = 0;
      if (done) return;
      for await (const chunk of source) for (const rec of parser.push(chunk)) yield emit(rec);
      for (const rec of parser.end()) yield emit(rec);
    })();
    return reader;
  }
  const scanner = format === 'json' ? new JsonArrayScanner() : new NdjsonScanner();
  const known = new Set<string>();
  reader.rows = (async function* () {
    const emit = (item: JsonItem): RowItem => {
      if ('error' in item) return { rowNo: item.index, error: item.error };
      const values = flatten(item.value);
      if (text.sawInvalidUtf8() && hasInvalid(Object.values(values))) {
        return { rowNo: item.index, error: INVALID_UTF8_REASON };
      }
      if (known.size < MAX_COLUMNS) {
        for (const k of Object.keys(values)) {
          if (!known.has(k)) {
            known.add(k);
            reader.columns.push(k);
          }
        }
      }
      return { rowNo: item.index, values };
    };
    try {
      for await (const chunk of all()) for (const item of scanner.push(chunk)) yield emit(item);
      for (const item of scanner.end()) yield emit(item);
    } catch (e) {
      if (e instanceof JsonStructureError) throw new FileFormatError(e.message);
      throw e;
    }
  })();
  return reader;
}
