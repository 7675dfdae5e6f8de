import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { type RowItem, detectFormat, flatten, isRowError, normalizeHeader, openRows } from './reader';
import { FileFormatError } from './text';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer, name = 'f.csv'): string {
  const p = path.join(dir, `${++n}-${name}`);
  fs.writeFileSync(p, content);
  return p;
}
async function all(p: string, format: 'auto' | 'csv' | 'json' | 'ndjson' = 'auto') {
  const r = await openRows(p, { format, fileName: p });
  const rows: RowItem[] = [];
  // Plain objects for comparison (CSV rows build `values` lazily).
  for await (const row of r.rows) rows.push(isRowError(row) ? row : { rowNo: row.rowNo, values: row.values });
  return { reader: r, rows };
}

describe('openRows', () => {
  it('reads CSV rows keyed by header, numbered from 1, and hashes the file', async () => {
    const content = 'sku;title;price\n1;Shirt;"1,50"\n2;Hat;3\n';
    const { reader, rows } = await all(file(content));
    expect(reader.format).toBe('csv');
    expect(reader.delimiter).toBe(';');
    expect(reader.columns).toEqual(['sku', 'title', 'price']);
    expect(rows).toEqual([
      { rowNo: 1, values: { sku: '1', title: 'Shirt', price: '1,50' } },
      { rowNo: 2, values: { sku: '2', title: 'Hat', price: '3' } },
    ]);
    const { createHash } = await import('node:crypto');
    expect(reader.sha256()).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('unpacks gzip transparently, whatever the name', async () => {
    const gz = zlib.gzipSync(Buffer.from('a,b\n1,2\n'));
    const { rows } = await all(file(gz, 'upload.bin'));
    expect(rows).toEqual([{ rowNo: 1, values: { a: '1', b: '2' } }]);
    await expect(all(file(gz.subarray(0, gz.length - 12), 'cut.csv.gz'))).rejects.toThrow(
      /gzip file is damaged/,
    );
  });

  it('rejects rows with invalid UTF-8 by name, and files in UTF-16, binary or empty', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('id,name\n1,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n2,Tea\n'),
    ]);
    const { rows } = await all(file(latin1));
    expect(rows[0]).toMatchObject({ rowNo: 1, error: expect.stringMatching(/not valid UTF-8/) });
    expect(rows[1]).toEqual({ rowNo: 2, values: { id: '2', name: 'Tea' } });

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]);
    await expect(all(file(utf16))).rejects.toThrow(/UTF-16/);
    await expect(all(file(Buffer.from([0x50, 0x4b, 3, 4, 0, 0])))).rejects.toThrow(/xlsx/);
    await expect(all(file(Buffer.from([1, 2, 0, 3])))).rejects.toThrow(/binary/);
    await expect(all(file(''))).rejects.toThrow(FileFormatError);
    await expect(all(file('\ufeff \n\n'))).rejects.toThrow(/empty/);
    const bad = Buffer.concat([Buffer.from('na'), Buffer.from([0xff]), Buffer.from('me\n1\n')]);
    await expect(all(file(bad))).rejects.toThrow(/header row contains bytes that are not valid UTF-8/);
  });

  it('reports rows whose field count differs from the header', async () => {
    const { rows } = await all(file('a,b\n1\n1,2,3\n4,5\n'));
    expect(rows).toEqual([
      { rowNo: 1, error: 'has 1 field, the header has 2 (line 2)' },
      { rowNo: 2, error: 'has 3 fields, the header has 2 (line 3)' },
      { rowNo: 3, values: { a: '4', b: '5' } },
    ]);
  });

  it('a header-only file has no rows', async () => {
    const { reader, rows } = await all(file('a,b\r\n'));
    expect(reader.columns).toEqual(['a', 'b']);
    expect(rows).toEqual([]);
  });

  it('streams JSON arrays and NDJSON, flattening nested objects into dotted columns', async () => {
    const json = await all(file('[{"id":1,"price":{"amount":2}},{"id":2,"tags":["a"]}]', 'p.json'));
    expect(json.reader.format).toBe('json');
    expect(json.rows).toEqual([
      { rowNo: 1, values: { id: 1, 'price.amount': 2 } },
      { rowNo: 2, values: { id: 2, tags: ['a'] } },
    ]);
    expect(json.reader.columns).toEqual(['id', 'price.amount', 'tags']);
    const nd = await all(file('{"id":1}\nnot json\n', 'e.jsonl'));
    expect(nd.reader.format).toBe('ndjson');
    expect(nd.rows[0]).toEqual({ rowNo: 1, values: { id: 1 } });
    expect(nd.rows[1]).toMatchObject({ rowNo: 2, error: expect.stringMatching(/invalid JSON/) });
    await expect(all(file('[{"a":1}', 'x.json'))).rejects.toThrow(/not closed/);
  });
});

describe('helpers', () => {
  it('detectFormat uses the extension, then the first character', () => {
    expect(detectFormat('a.csv', 'x,y')).toBe('csv');
    expect(detectFormat('a.json.gz', '  [')).toBe('json');
    expect(detectFormat('a.txt', '{"a":1}')).toBe('ndjson');
    expect(detectFormat('a.ndjson', '[')).toBe('ndjson');
  });
  it('normalizeHeader names blanks and numbers repeats', () => {
    expect(normalizeHeader([' id ', '', 'x', 'x'])).toEqual(['id', 'column 2', 'x', 'x (2)']);
  });
  it('flatten keeps arrays and stops at depth 4', () => {
    expect(flatten({ a: { b: { c: { d: { e: 1 } } } }, l: [1] })).toEqual({ 'a.b.c.d': { e: 1 }, l: [1] });
  });
});
