import { describe, expect, it } from 'vitest';
import { cellProblem, csvCell, csvDocument, ExportError, urlProblem } from './csv';

describe('csv', () => {
  it('quotes only where needed and doubles quotes', () => {
    expect(csvCell('Linen shirts')).toBe('Linen shirts');
    expect(csvCell('Light, breathable')).toBe('"Light, breathable"');
    expect(csvCell('The "Classic" shirt')).toBe('"The ""Classic"" shirt"');
    expect(csvCell(' edge')).toBe('" edge"');
    expect(csvCell('夏のリネンシャツ')).toBe('夏のリネンシャツ');
  });

  it('writes a BOM, CRLF line ends and one line per row', () => {
    expect(csvDocument(['A', 'B'], [['1', 'x,y']])).toBe('\ufeffA,B\r\n1,"x,y"\r\n');
  });

  it('refuses cells a spreadsheet would run, but keeps "-20 %"', () => {
    expect(cellProblem('=HYPERLINK("x")')).toBe('starts with a character spreadsheets read as a formula');
    expect(cellProblem('@SUM(A1)')).not.toBeNull();
    expect(cellProblem('-cmd')).not.toBeNull();
    expect(cellProblem('-20 % on linen')).toBeNull();
    expect(cellProblem('line\nbreak')).toBe('contains a line break or tab');
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(urlProblem('https://shop.example/linen')).toBeNull();
    expect(urlProblem('javascript:alert(1)')).toBe('is not an http(s) address');
    expect(urlProblem('/linen')).toBe('is not a valid web address');
  });

  it('summarises the problems in its message', () => {
    const e = new ExportError(['Ad 1: a', 'Ad 1: b', 'Ad 2: c'], 2);
    expect(e.message).toBe('2 creatives cannot be exported: Ad 1: a; Ad 1: b; Ad 2: c');
    expect(e.problems).toHaveLength(3);
  });
});
