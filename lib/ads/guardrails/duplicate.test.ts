import { describe, expect, it } from 'vitest';
import { checkDuplicate, normalizeCopy, seenKeys } from './duplicate';
import { banner, candidate, context } from './test-fixtures';

describe('duplicate', () => {
  it('passes distinct texts', () => {
    const rsa = context('en', [], { channel: 'google-rsa' });
    const c = candidate({ headlines: ['One', 'Two', 'Three'], descriptions: ['Four', 'Five'] });
    expect(checkDuplicate(c, rsa)).toEqual([{ check: 'duplicate', passed: true }]);
  });

  it('flags a text repeated within the creative, ignoring case and punctuation', () => {
    const rsa = context('en', [], { channel: 'google-rsa' });
    const c = candidate({
      headlines: ['Linen, for summer!', 'Two', 'linen for summer'],
      descriptions: ['a', 'b'],
    });
    expect(checkDuplicate(c, rsa).filter((r) => !r.passed)).toEqual([
      { check: 'duplicate', passed: false, reason: 'Headline 3 repeats Headline 1', field: 'headlines[2]' },
    ]);
  });

  it('flags a text another creative of the campaign already uses, but lets buttons repeat', () => {
    const seen = new Set(seenKeys(banner('Leinen für den Sommer', 'Jetzt kaufen').fields, 'banner'));
    expect(seen.has(normalizeCopy('Jetzt kaufen'))).toBe(false);
    const ctx = context('de', [], { seen });
    const failed = checkDuplicate(banner('LEINEN für den Sommer.', 'Jetzt kaufen'), ctx).filter(
      (r) => !r.passed,
    );
    expect(failed.map((f) => f.reason)).toEqual([
      'Headline "LEINEN für den Sommer." is already used by another creative of this campaign',
    ]);
    expect(checkDuplicate(banner('Neue Hemden', 'Jetzt kaufen'), ctx)[0]?.passed).toBe(true);
  });

  it('folds width and accents in CJK and Latin text alike', () => {
    expect(normalizeCopy('ＳＡＬＥ！')).toBe('sale');
    expect(normalizeCopy('夏の　リネン。')).toBe('夏の リネン');
    expect(normalizeCopy('Café Crème')).toBe('cafe creme');
  });
});
