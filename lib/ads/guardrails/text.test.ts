import { describe, expect, it } from 'vitest';
import { candidate } from './test-fixtures';
import { containsTerm, copyTexts, fold, TermSet, textLabel, verdict } from './text';

describe('guardrail text helpers', () => {
  it('labels texts the way a merchant reads them', () => {
    expect(textLabel('google-rsa', 'headlines', 2)).toBe('Headline 3');
    expect(textLabel('meta', 'primaryText', 0)).toBe('Primary text 1');
    expect(textLabel('email', 'subject', 0)).toBe('Subject');
    expect(textLabel('banner', 'cta', 0)).toBe('Button');
  });

  it('walks known fields in channel order, then unknown ones, skipping non-text', () => {
    const c = candidate({ extra: ['x'], cta: ['Go'], headline: ['Hi', 3 as unknown as string] });
    expect(copyTexts(c, 'banner').map((t) => t.field)).toEqual(['headline[0]', 'cta[0]', 'extra[0]']);
  });

  it('matches whole words folded, and CJK terms as substrings', () => {
    expect(containsTerm('Livraison GRATUITE', 'livraison gratuite')).toBe(true);
    expect(containsTerm('Crème fraîche', 'creme')).toBe(true);
    expect(containsTerm('Cremes', 'creme')).toBe(false);
    expect(containsTerm('送料無料でお届け', '送料無料')).toBe(true);
    expect(containsTerm('anything', '  ')).toBe(false);
    expect(fold('Ｎｏｒｄ\u00a0\u00a0Lys')).toBe('nord lys');
  });

  it('finds the longest of overlapping terms once', () => {
    const set = new TermSet(['sale', 'on sale', 'セール']);
    expect(set.find(fold('Now on sale: セール'))).toEqual(['on sale', 'セール']);
    expect(set.find(fold('Wholesale'))).toEqual([]);
  });

  it('reports one passed result or every failure', () => {
    expect(verdict('length', [])).toEqual([{ check: 'length', passed: true }]);
    expect(verdict('length', [{ reason: 'a', field: 'x[0]' }, { reason: 'b' }])).toEqual([
      { check: 'length', passed: false, reason: 'a', field: 'x[0]' },
      { check: 'length', passed: false, reason: 'b' },
    ]);
  });
});
