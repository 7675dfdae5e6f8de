import { describe, expect, it } from 'vitest';
import { AD_CHANNELS } from '@/db/schema/ads';
import { CHANNELS, channelField, textLength } from './channels';

describe('CHANNELS', () => {
  it('describes every channel with sane field bounds', () => {
    for (const channel of AD_CHANNELS) {
      const spec = CHANNELS[channel];
      expect(spec.id).toBe(channel);
      expect(spec.fields.length).toBeGreaterThan(0);
      for (const field of spec.fields) {
        expect(field.min).toBeGreaterThanOrEqual(1);
        expect(field.max).toBeGreaterThanOrEqual(field.min);
        expect(field.limit).toBeGreaterThan(0);
      }
    }
  });

  it('has Google responsive search ad limits (3..15 headlines ≤ 30, 2..4 descriptions ≤ 90)', () => {
    expect(channelField('google-rsa', 'headlines')).toMatchObject({ min: 3, max: 15, limit: 30 });
    expect(channelField('google-rsa', 'descriptions')).toMatchObject({ min: 2, max: 4, limit: 90 });
    expect(CHANNELS['google-rsa'].counting).toBe('google');
    expect(channelField('meta', 'primaryText')).toMatchObject({ min: 1, max: 5, limit: 125 });
    expect(channelField('meta', 'headline')).toMatchObject({ min: 1, max: 5, limit: 40 });
    expect(channelField('email', 'subject')?.limit).toBe(60);
    expect(channelField('email', 'preheader')?.limit).toBe(100);
    expect(channelField('banner', 'headline')?.limit).toBe(60);
    expect(channelField('banner', 'cta')?.limit).toBe(20);
    expect(channelField('banner', 'nope')).toBeUndefined();
  });
});

describe('textLength', () => {
  it('counts Latin text the same in both countings', () => {
    expect(textLength('Linen shirts -20 %', 'google')).toBe(18);
    expect(textLength('Linen shirts -20 %', 'chars')).toBe(18);
    expect(textLength('', 'google')).toBe(0);
    expect(textLength('Über Äpfel – façade', 'google')).toBe(19);
  });

  it('counts CJK, kana, Hangul and full-width forms twice on Google', () => {
    expect(textLength('夏のリネンシャツ', 'google')).toBe(16);
    expect(textLength('夏のリネンシャツ', 'chars')).toBe(8);
    expect(textLength('亚麻衬衫', 'google')).toBe(8);
    expect(textLength('린넨 셔츠', 'google')).toBe(9); // 4 syllables × 2 + a space
    expect(textLength('￥1,980', 'google')).toBe(7); // full-width yen sign counts 2
    expect(textLength('¥1,980', 'google')).toBe(6); // the half-width one counts 1
    expect(textLength('ＡＢＣ！', 'google')).toBe(8);
    expect(textLength('「セール」。', 'google')).toBe(12);
  });

  it('counts half-width katakana once and supplementary characters as one code point', () => {
    expect(textLength('ｼｬﾂ', 'google')).toBe(3);
    expect(textLength('𠮷', 'google')).toBe(2); // CJK Extension B, one code point, wide
    expect(textLength('𠮷', 'chars')).toBe(1);
    expect(textLength('Sale 🎉', 'chars')).toBe(6);
  });
});
