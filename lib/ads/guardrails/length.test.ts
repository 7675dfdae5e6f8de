import { describe, expect, it } from 'vitest';
import { checkLength } from './length';
import { candidate, context } from './test-fixtures';

const rsa = (locale: 'en' | 'ja' | 'zh' | 'ko' | 'de') => context(locale, [], { channel: 'google-rsa' });
const failed = (fields: Record<string, string[]>, ctx: ReturnType<typeof context>) =>
  checkLength(candidate(fields), ctx).filter((c) => !c.passed);

describe('length', () => {
  it('passes texts within the limits', () => {
    const fields = { headlines: ['x'.repeat(30), 'Kurz', 'Leinen'], descriptions: ['y'.repeat(90), 'z'] };
    expect(checkLength(candidate(fields), rsa('de'))).toEqual([{ check: 'length', passed: true }]);
  });

  it('names the text, its length and the limit', () => {
    const [f] = failed(
      { headlines: ['a', 'b', 'Leichte Leinenhemden für den Sommer'], descriptions: ['d'] },
      rsa('de'),
    );
    expect(f).toMatchObject({ field: 'headlines[2]', reason: 'Headline 3 is 35 of 30 characters' });
  });

  it('counts CJK characters twice on Google and says so', () => {
    const ja = '夏にぴったりのリネンシャツ新登場'; // 16 characters, width 32
    const [f] = failed({ headlines: [ja, '短い', 'セール'], descriptions: ['説明'] }, rsa('ja'));
    expect(f?.reason).toBe('Headline 1 is 32 of 30 characters (CJK characters count twice on Google)');
    expect(
      failed({ headlines: ['夏のリネンシャツ', '亚麻衬衫', '린넨 셔츠'], descriptions: ['x'] }, rsa('zh')),
    ).toEqual([]);
    const ko = '여름에 딱 맞는 시원한 린넨 셔츠'; // 13 syllables (26) + 5 spaces = 31
    expect(failed({ headlines: [ko], descriptions: [] }, rsa('ko'))[0]?.reason).toContain('31 of 30');
  });

  it('counts code points on Meta, so the same Japanese text fits there', () => {
    const meta = context('ja', [], { channel: 'meta' });
    expect(
      failed({ primaryText: ['夏'.repeat(125)], headline: ['夏にぴったりのリネンシャツ新登場'] }, meta),
    ).toEqual([]);
    expect(failed({ primaryText: ['夏'.repeat(126)], headline: ['x'] }, meta)[0]?.reason).toBe(
      'Primary text 1 is 126 of 125 characters',
    );
  });
});
