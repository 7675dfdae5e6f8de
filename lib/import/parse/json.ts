/**
 * Streaming readers for JSON: an array of objects (`[{…}, {…}]`) and NDJSON (one object per
 * line). Neither holds more than one element in memory: the array scanner finds element
 * boundaries itself (strings, escapes and nesting) and hands each element to `JSON.parse`, so
 * a malformed element is one rejected row, not a failed file.
 */

/** One element: its value, or why it was rejected. `index` is 1-based. */
export type JsonItem = { index: number; value: Record<string, unknown> } | { index: number; error: string };

/** A problem with the file as a whole (not an array, truncated, trailing garbage). */
export class JsonStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonStructureError';
  }
}

const MAX_ELEMENT = 1_048_576;

/** `JSON.parse`'s message without the input echoed back (it can be long or sensitive). */
export function jsonErrorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const short = m.replace(/,? *"[^"]{30,}".*$/s, '').split('\n')[0] ?? m;
  return `invalid JSON (${short.slice(0, 120)})`;
}

function toItem(index: number, text: string): JsonItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { index, error: jsonErrorMessage(e) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      index,
      error: `expected an object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    };
  }
  return { index, value: value as Record<string, unknown> };
}

enum Mode {
  BeforeArray = 0,
  BetweenElements = 1,
  InElement = 2,
  AfterArray = 3,
}

/** Incremental scanner of a top-level JSON array. */
export class JsonArrayScanner {
  private buf = '';
  private pos = 0;
  private mode: Mode = Mode.BeforeArray;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementStart = 0;
  private index = 0;
  /** The current element outgrew the limit: scan to its end without keeping it. */
  private discarding = false;

  constructor(private readonly maxElement = MAX_ELEMENT) {}

  push(chunk: string): JsonItem[] {
    this.buf += chunk;
    const out: JsonItem[] = [];
    this.scan(out);
    const keep = this.mode === Mode.InElement && !this.discarding ? this.elementStart : this.pos;
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    this.elementStart -= keep;
    return out;
  }

  /** Throws JsonStructureError when the array is missing or not closed. */
  end(): JsonItem[] {
    const out: JsonItem[] = [];
    this.scan(out);
    if (this.mode === Mode.BeforeArray)
      throw new JsonStructureError('The file is empty: expected a JSON array.');
    if (this.mode === Mode.InElement) {
      out.push({ index: ++this.index, error: 'the file ends in the middle of this element' });
      return out;
    }
    if (this.mode === Mode.BetweenElements)
      throw new JsonStructureError('The JSON array is not closed (the file ends before "]").');
    return out;
  }

  private scan(out: JsonItem[]): void {
    const buf = this.buf;
    const len = buf.length;
    let i = this.pos;
    while (i < len) {
      const ch = buf[i]!;
      if (this.mode === Mode.InElement) {
        i = this.scanElement(out, i);
        continue;
      }
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\ufeff') {
        i++;
        continue;
      }
      if (this.mode === Mode.BeforeArray) {
        if (ch !== '[') {
          throw new JsonStructureError(
            ch === '{'
              ? 'Expected a JSON array of objects; this file starts with an object (for one object per line, choose NDJSON).'
              : 'Expected a JSON array of objects ("[" at the start of the file).',
          );
        }
        this.mode = Mode.BetweenElements;
        i++;
        continue;
      }
      if (this.mode === Mode.AfterArray) {
        throw new JsonStructureError('Unexpected text after the end of the JSON array.');
      }
      // Between elements
      if (ch === ',') {
        i++;
        continue;
      }
      if (ch === ']') {
        this.mode = Mode.AfterArray;
        i++;
        continue;
      }
      this.mode = Mode.InElement;
      this.elementStart = i;
      this.depth = 0;
      this.inString = false;
      this.escaped = false;
      this.discarding = false;
    }
    this.pos = i;
  }

  /** Advances through one element; returns the next position to look at. */
  private scanElement(out: JsonItem[], start: number): number {
    const buf = this.buf;
    const len = buf.length;
    let i = start;
    for (; i < len; i++) {
      const ch = buf[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        if (this.depth === 0) return this.finishElement(out, i); // "]" closing the outer array
        this.depth--;
        if (this.depth === 0) return this.finishElement(out, i + 1);
      } else if (this.depth === 0 && ch === ',') return this.finishElement(out, i);
    }
    if (i - this.elementStart > this.maxElement) this.discarding = true; // stop keeping its text
    return i;
  }

  private finishElement(out: JsonItem[], end: number): number {
    this.index++;
    if (this.discarding || end - this.elementStart > this.maxElement) {
      out.push({ index: this.index, error: `the element is larger than ${this.maxElement} characters` });
    } else {
      out.push(toItem(this.index, this.buf.slice(this.elementStart, end).trim()));
    }
    this.mode = Mode.BetweenElements;
    this.discarding = false;
    return end;
  }
}

/** Incremental NDJSON reader: one JSON object per line, blank lines skipped. */
export class NdjsonScanner {
  private buf = '';
  private index = 0;
  private skipping = false;

  constructor(private readonly maxLine = MAX_ELEMENT) {}

  push(chunk: string): JsonItem[] {
    this.buf += chunk;
    const out: JsonItem[] = [];
    let start = 0;
    for (;;) {
      const nl = this.buf.indexOf('\n', start);
      if (nl < 0) break;
      this.line(out, this.buf.slice(start, nl));
      start = nl + 1;
    }
    this.buf = this.buf.slice(start);
    if (this.buf.length > this.maxLine && !this.skipping) {
      out.push({ index: ++this.index, error: `the line is longer than ${this.maxLine} characters` });
      this.skipping = true;
    }
    if (this.skipping) this.buf = '';
    return out;
  }

  end(): JsonItem[] {
    const out: JsonItem[] = [];
    if (this.buf.length) this.line(out, this.buf);
    this.buf = '';
    return out;
  }

  private line(out: JsonItem[], raw: string): void {
    if (this.skipping) {
      this.skipping = false; // the rest of an over-long line
      return;
    }
    const text = raw.trim();
    if (text === '') return;
    out.push(toItem(++this.index, text));
  }
}
