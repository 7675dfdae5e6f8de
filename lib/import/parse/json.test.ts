import { describe, expect, it } from 'vitest';
import { type JsonItem, JsonArrayScanner, JsonStructureError, NdjsonScanner } from './json';

function scan(scanner: JsonArrayScanner | NdjsonScanner, text: string, step: number): JsonItem[] {
  const out: JsonItem[] = [];
  for (let i = 0; i < text.length; i += step) out.push(...scanner.push(text.slice(i, i + step)));
  out.push(...scanner.end());
  return out;
}
const simple = (items: JsonItem[]) => items.map((i) => ('value' in i ? i.value : { error: i.error }));

describe('JsonArrayScanner', () => {
  const text = `[
    {"id": "a", "tags": ["x", "]", "}"], "price": {"amount": 1.5, "currency": "EUR"}},
    {"id": "b\\"quoted\\"", "note": "comma, brace { and bracket ["},
    {"id": "c", "deep": [[1, 2], {"k": [3]}]}
  ]`;

  it('streams elements with nested values, strings containing brackets and escapes, in any chunking', () => {
    for (const step of [1, 3, 17, 10_000]) {
      expect(simple(scan(new JsonArrayScanner(), text, step))).toEqual([
        { id: 'a', tags: ['x', ']', '}'], price: { amount: 1.5, currency: 'EUR' } },
        { id: 'b"quoted"', note: 'comma, brace { and bracket [' },
        { id: 'c', deep: [[1, 2], { k: [3] }] },
      ]);
    }
  });

  it('rejects malformed and non-object elements one by one and keeps going', () => {
    const items = scan(new JsonArrayScanner(), '[{"a": 1}, {"a": tru}, 42, "s", null, [1], {"a": 2}]', 4);
    expect(items.map((i) => i.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const r = simple(items);
    expect(r[0]).toEqual({ a: 1 });
    expect((r[1] as { error: string }).error).toMatch(/^invalid JSON/);
    expect(r.slice(2, 6)).toEqual([
      { error: 'expected an object, found number' },
      { error: 'expected an object, found string' },
      { error: 'expected an object, found null' },
      { error: 'expected an object, found an array' },
    ]);
    expect(r[6]).toEqual({ a: 2 });
  });

  it('rejects an over-long element without keeping it', () => {
    const big = `{"a": "${'x'.repeat(500)}"}`;
    const r = simple(scan(new JsonArrayScanner(100), `[${big}, {"b": 1}]`, 8));
    expect(r).toEqual([{ error: 'the element is larger than 100 characters' }, { b: 1 }]);
  });

  it('explains files that are not an array, or are cut short', () => {
    expect(() => scan(new JsonArrayScanner(), '{"a": 1}', 5)).toThrow(JsonStructureError);
    expect(() => scan(new JsonArrayScanner(), '{"a": 1}', 5)).toThrow(/NDJSON/);
    expect(() => scan(new JsonArrayScanner(), '', 5)).toThrow(/empty/);
    expect(() => scan(new JsonArrayScanner(), '[{"a":1},', 5)).toThrow(/not closed/);
    expect(() => scan(new JsonArrayScanner(), '[{"a":1}] x', 5)).toThrow(/after the end/);
    // Cut inside an element: that element is the rejected row
    expect(simple(scan(new JsonArrayScanner(), '[{"a":1}, {"b": [1, 2', 5))).toEqual([
      { a: 1 },
      { error: 'the file ends in the middle of this element' },
    ]);
    expect(scan(new JsonArrayScanner(), ' [ ] ', 1)).toEqual([]);
  });
});

describe('NdjsonScanner', () => {
  it('reads one object per line, skips blank lines and rejects bad lines alone', () => {
    const text = '{"a":1}\r\n\n{"a": oops}\n[1]\n{"a":{"b":2}}';
    for (const step of [1, 5, 1000]) {
      const items = scan(new NdjsonScanner(), text, step);
      expect(items.map((i) => i.index)).toEqual([1, 2, 3, 4]);
      const r = simple(items);
      expect(r[0]).toEqual({ a: 1 });
      expect((r[1] as { error: string }).error).toMatch(/^invalid JSON/);
      expect(r[2]).toEqual({ error: 'expected an object, found an array' });
      expect(r[3]).toEqual({ a: { b: 2 } });
    }
  });

  it('rejects an over-long line and resumes after it', () => {
    const r = simple(scan(new NdjsonScanner(50), `{"a":"${'y'.repeat(200)}"}\n{"ok":true}\n`, 16));
    expect(r).toEqual([{ error: 'the line is longer than 50 characters' }, { ok: true }]);
  });
});
