import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvParser, detectDelimiter } from './csv';

/** Parses `text` fed in pieces of `step` characters (1 = character by character). */
function parse(text: string, step = text.length || 1, delimiter?: string): CsvRecord[] {
  const p = new CsvParser({ delimiter, maxFieldLength: 100 });
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += step) out.push(...p.push(text.slice(i, i + step)));
  out.push(...p.end());
  return out;
}
const fields = (recs: CsvRecord[]) => recs.map((r) => ('fields' in r ? r.fields : { error: r.error }));

describe('CsvParser', () => {
  it('reads plain, quoted and escaped fields with any chunking', () => {
    const text = 'a,b,c\n1,"two, 2","say ""hi"""\n3,,"" \n';
    for (const step of [1, 2, 3, 7, 1000]) {
      expect(fields(parse(text, step))).toEqual([
        ['a', 'b', 'c'],
        ['1', 'two, 2', 'say "hi"'],
        // `"" ` is a quoted empty field followed by a space: reported, not guessed
        { error: 'unexpected text after a closing quote' },
      ]);
    }
  });

  it('handles CRLF, lone CR, a BOM, blank lines and a missing final newline', () => {
    const text = '\ufeffid;name\r\n1;x\r\n\r\n2;y\r3;z';
    for (const step of [1, 4, 100]) {
      expect(fields(parse(text, step))).toEqual([
        ['id', 'name'],
        ['1', 'x'],
        ['2', 'y'],
        ['3', 'z'],
      ]);
    }
  });

  it('keeps line breaks inside quoted fields and reports where records start', () => {
    const recs = parse('h1,h2\n"multi\nline\r\ntext",2\nlast,3\n', 3);
    expect(fields(recs)).toEqual([
      ['h1', 'h2'],
      ['multi\nline\r\ntext', '2'],
      ['last', '3'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps a trailing empty field', () => {
    expect(fields(parse('a,b,\n1,2,\n'))).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
  });

  it('detects comma, semicolon, tab and pipe from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(fields(parse('x\ty\n1\t"2\t3"\n', 2))).toEqual([
      ['x', 'y'],
      ['1', '2\t3'],
    ]);
  });

  it('rejects an unterminated quote as one row and continues on the next line', () => {
    const recs = parse('a,b\n1,"open\n2,ok\n3,fine\n', 5);
    expect(fields(recs)).toEqual([
      ['a', 'b'],
      { error: 'a quoted field starting on line 2 is never closed' },
      ['2', 'ok'],
      ['3', 'fine'],
    ]);
  });

  it('rejects a runaway quote that meets a later quote, then resynchronizes', () => {
    const recs = parse('a,b\n1,"bad\n2,"x"\n3,y\n', 1);
    expect(fields(recs)).toEqual([
      ['a', 'b'],
      { error: 'unexpected text after a closing quote' },
      ['3', 'y'],
    ]);
  });

  it('rejects over-long fields without buffering them, quoted or not', () => {
    const long = 'x'.repeat(150);
    const recs = parse(`a,b\n1,${long}\n2,"${long}"\n3,ok\n`, 16);
    expect(fields(recs)).toEqual([
      ['a', 'b'],
      { error: 'a field is longer than 100 characters' },
      { error: 'a quoted field is longer than 100 characters (is a closing quote missing?)' },
      ['3', 'ok'],
    ]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(fields(parse('a,b\n5" pipe,2\n'))).toEqual([
      ['a', 'b'],
      ['5" pipe', '2'],
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(parse('')).toEqual([]);
    expect(parse('\n\n')).toEqual([]);
  });
});
