/**
 * A streaming RFC 4180 CSV parser: quoted fields, escaped quotes (`""`), CRLF/LF/CR line ends,
 * line breaks inside quotes, a leading BOM. Feed decoded text with `push()`, finish with `end()`.
 * Broken input never throws: a record that cannot be parsed comes out as `{ error }` and the
 * parser resynchronizes at the next line, so one bad row costs one row.
 */

/** A parsed record: its fields, or why it could not be read. `line` is where it starts (1-based). */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

export interface CsvOptions {
  /** Field separator; detected from the first line when omitted. */
  delimiter?: string;
  /** Longest field in characters (default 64 KiB): longer ones are rejected, not buffered forever. */
  maxFieldLength?: number;
  /** Most fields in one record (default 1,000). */
  maxFields?: number;
}

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
const QUOTE = 34;
const LF = 10;
const CR = 13;

enum State {
  FieldStart = 0,
  Unquoted = 1,
  Quoted = 2,
  /** Just read a quote inside a quoted field: `""` (escaped) or the end of the field. */
  QuoteInQuoted = 3,
}

/** The separator used most often outside quotes in `firstLine` (`,` when none occurs). */
export function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    let count = 0;
    let inQuotes = false;
    for (const ch of firstLine) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (!inQuotes && ch === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export class CsvParser {
  private buf = '';
  private pos = 0;
  private state: State = State.FieldStart;
  private fields: string[] = [];
  private fieldStart = 0;
  private hasEscapes = false;
  /** Where the record being read starts in `buf`, and on which line. */
  private rowStart = 0;
  private rowLine = 1;
  private line = 1;
  private skipLf = false;
  private started = false;
  private delim: string | undefined;
  private delimCode = 44;
  private readonly maxField: number;
  private readonly maxFields: number;

  constructor(options: CsvOptions = {}) {
    this.delim = options.delimiter;
    if (this.delim) this.delimCode = this.delim.charCodeAt(0);
    this.maxField = options.maxFieldLength ?? 65_536;
    this.maxFields = options.maxFields ?? 1000;
  }

  /** The separator in use (after detection), or undefined before the first line was seen. */
  get delimiter(): string | undefined {
    return this.delim;
  }

  push(chunk: string): CsvRecord[] {
    this.buf += chunk;
    if (!this.started) {
      if (this.buf.charCodeAt(0) === 0xfeff) this.buf = this.buf.slice(1);
      if (!this.delim) {
        const nl = this.buf.search(/[\r\n]/);
        if (nl < 0 && this.buf.length < this.maxField) return []; // wait for the whole first line
        this.setDelimiter(detectDelimiter(nl < 0 ? this.buf : this.buf.slice(0, nl)));
      }
      this.started = true;
    }
    const out: CsvRecord[] = [];
    this.run(out, false);
    this.compact();
    return out;
  }

  end(): CsvRecord[] {
    if (!this.started) {
      if (this.buf.charCodeAt(0) === 0xfeff) this.buf = this.buf.slice(1);
      if (!this.delim) this.setDelimiter(detectDelimiter(this.buf.split(/[\r\n]/, 1)[0] ?? ''));
      this.started = true;
    }
    const out: CsvRecord[] = [];
    this.run(out, true);
    this.buf = '';
    this.pos = 0;
    this.rowStart = 0;
    return out;
  }

  private setDelimiter(d: string): void {
    this.delim = d;
    this.delimCode = d.charCodeAt(0);
  }

  /** Drops text before the current record, keeping what a resynchronization may need. */
  private compact(): void {
    if (this.rowStart === 0) return;
    this.buf = this.buf.slice(this.rowStart);
    this.pos -= this.rowStart;
    this.fieldStart -= this.rowStart;
    this.rowStart = 0;
  }

  private endRecord(out: CsvRecord[], next: number): void {
    const f = this.fields;
    // A blank line is not a record.
    if (!(f.length === 1 && f[0] === '')) out.push({ line: this.rowLine, fields: f });
    this.fields = [];
    this.state = State.FieldStart;
    this.rowStart = next;
    this.rowLine = this.line;
  }

  private pushField(value: string): boolean {
    if (this.fields.length >= this.maxFields) return false;
    this.fields.push(value);
    return true;
  }

  /**
   * Reports the current record as broken and continues after a line break: the one after the
   * record's first line (`fromRecordStart`, for a runaway quote) or after the current position.
   */
  private fail(out: CsvRecord[], error: string, fromRecordStart: boolean, eof: boolean): void {
    out.push({ line: this.rowLine, error });
    let i = fromRecordStart ? this.rowStart : this.pos;
    let line = fromRecordStart ? this.rowLine : this.line;
    const buf = this.buf;
    while (i < buf.length) {
      const c = buf.charCodeAt(i);
      if (c === LF || c === CR) break;
      i++;
    }
    if (i >= buf.length && !eof) {
      // The line break is not here yet: discard what we have and skip the rest of the line later.
      this.skipToLineEnd = true;
    } else if (i < buf.length) {
      if (buf.charCodeAt(i) === CR && buf.charCodeAt(i + 1) === LF) i++;
      i++;
      line++;
    }
    this.fields = [];
    this.state = State.FieldStart;
    this.pos = i;
    this.rowStart = i;
    this.line = line;
    this.rowLine = line;
    this.skipLf = false;
  }

  private skipToLineEnd = false;

  private run(out: CsvRecord[], eof: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    const d = this.delimCode;
    let i = this.pos;
    while (i < len) {
      if (this.skipToLineEnd) {
        while (i < len && buf.charCodeAt(i) !== LF && buf.charCodeAt(i) !== CR) i++;
        if (i >= len) break;
        this.skipToLineEnd = false;
        if (buf.charCodeAt(i) === CR && buf.charCodeAt(i + 1) === LF) i++;
        i++;
        this.line++;
        this.rowStart = i;
        this.rowLine = this.line;
        continue;
      }
      if (this.skipLf) {
        this.skipLf = false;
        if (buf.charCodeAt(i) === LF) {
          i++;
          this.rowStart = i;
          continue;
        }
      }
      const state = this.state;
      if (state === State.FieldStart || state === State.Unquoted) {
        if (state === State.FieldStart && buf.charCodeAt(i) === QUOTE) {
          this.state = State.Quoted;
          this.fieldStart = i + 1;
          this.hasEscapes = false;
          i++;
          continue;
        }
        if (state === State.FieldStart) this.fieldStart = i;
        let j = i;
        let c = 0;
        while (j < len) {
          c = buf.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j++;
        }
        if (j - this.fieldStart > this.maxField) {
          this.pos = j;
          this.fail(out, `a field is longer than ${this.maxField} characters`, false, eof);
          i = this.pos;
          continue;
        }
        if (j >= len) {
          this.state = State.Unquoted;
          i = j;
          break;
        }
        if (!this.pushField(buf.slice(this.fieldStart, j))) {
          this.pos = j;
          this.fail(out, `more than ${this.maxFields} fields`, false, eof);
          i = this.pos;
          continue;
        }
        i = j + 1;
        if (c === d) {
          this.state = State.FieldStart;
        } else {
          this.line++;
          if (c === CR) this.skipLf = true;
          this.endRecord(out, i);
        }
        continue;
      }
      if (state === State.Quoted) {
        const q = buf.indexOf('"', i);
        // A CR at the very end may be half of a CRLF: look at it again with the next chunk.
        const end = q >= 0 ? q : buf.charCodeAt(len - 1) === CR ? len - 1 : len;
        for (let k = i; k < end; k++) {
          const c = buf.charCodeAt(k);
          if (c === LF || (c === CR && buf.charCodeAt(k + 1) !== LF)) this.line++;
        }
        if (end - this.fieldStart > this.maxField) {
          this.pos = end;
          this.fail(
            out,
            `a quoted field is longer than ${this.maxField} characters (is a closing quote missing?)`,
            true,
            eof,
          );
          i = this.pos;
          continue;
        }
        if (q < 0) {
          i = end;
          break;
        }
        this.state = State.QuoteInQuoted;
        i = q + 1;
        continue;
      }
      // QuoteInQuoted
      const c = buf.charCodeAt(i);
      if (c === QUOTE) {
        this.hasEscapes = true;
        this.state = State.Quoted;
        i++;
        continue;
      }
      if (c === d || c === LF || c === CR) {
        let value = buf.slice(this.fieldStart, i - 1);
        if (this.hasEscapes) value = value.replaceAll('""', '"');
        if (!this.pushField(value)) {
          this.pos = i;
          this.fail(out, `more than ${this.maxFields} fields`, false, eof);
          i = this.pos;
          continue;
        }
        i++;
        if (c === d) {
          this.state = State.FieldStart;
        } else {
          this.line++;
          if (c === CR) this.skipLf = true;
          this.endRecord(out, i);
        }
        continue;
      }
      this.pos = i;
      this.fail(out, 'unexpected text after a closing quote', false, eof);
      i = this.pos;
    }
    this.pos = i;
    if (!eof) return;
    this.finish(out);
  }

  private finish(out: CsvRecord[]): void {
    const buf = this.buf;
    switch (this.state) {
      case State.Quoted:
        this.fail(out, `a quoted field starting on line ${this.rowLine} is never closed`, true, true);
        this.run(out, true); // parse what follows the broken record's first line
        return;
      case State.QuoteInQuoted: {
        let value = buf.slice(this.fieldStart, buf.length - 1);
        if (this.hasEscapes) value = value.replaceAll('""', '"');
        this.pushField(value);
        break;
      }
      case State.Unquoted:
        this.pushField(buf.slice(this.fieldStart));
        break;
      default:
        if (this.fields.length === 0) return; // clean end after a line break
        this.pushField(''); // "a,b," ends with an empty field
    }
    this.endRecord(out, buf.length);
  }
}
