import { describe, expect, it } from 'vitest';
import { containsWord, fitText, textKey, tidy } from './text';
import { formatPercent, midSentence } from './slots';

describe('containsWord', () => {
  it('matches whole words, ignoring case and accents', () => {
    expect(containsWord('Découvrez nos pulls', 'decouvrez')).toBe(true);
    expect(containsWord('DISCOVER more', 'discover')).toBe(true);
    expect(containsWord('Rediscover more', 'discover')).toBe(false);
    expect(containsWord('Tailor Store: shirts', 'tailor store')).toBe(true);
    expect(containsWord('Tailor Stores', 'Tailor Store')).toBe(false);
  });

  it('ends a Latin word at a CJK character only when asked (banned words)', () => {
    expect(containsWord('Nordlysの世界へ', 'nordlys', { cjkBoundary: true })).toBe(true);
    expect(containsWord('Nordlysの世界へ', 'nordlys')).toBe(false);
    expect(containsWord('Nordlyset', 'nordlys', { cjkBoundary: true })).toBe(false);
  });

  it('matches CJK words inside text without spaces', () => {
    expect(containsWord('あなたへのおすすめ', 'おすすめ')).toBe(true);
    expect(containsWord('为你推荐好物', '推荐')).toBe(true);
    expect(containsWord('anything', '   ')).toBe(false);
  });
});

describe('textKey and tidy', () => {
  it('treats punctuation and case variants as the same copy', () => {
    expect(textKey('Shop now!')).toBe(textKey('shop now.'));
    expect(textKey('Shop now')).not.toBe(textKey('Shop later'));
  });

  it('collapses spaces but keeps the no-break spaces of prices', () => {
    expect(tidy('  Jetzt  49,90\u00a0€ , sparen ')).toBe('Jetzt 49,90\u00a0€, sparen');
  });
});

describe('fitText', () => {
  it('returns a text that fits unchanged', () => {
    expect(fitText('Short enough.', 30, 'chars', [])).toBe('Short enough.');
  });

  it('cuts after a whole sentence first', () => {
    const text = 'Discover the Linen Shirt for €49.90. Order online today and enjoy it.';
    expect(fitText(text, 40, 'chars', ['Linen Shirt', '€49.90'])).toBe(
      'Discover the Linen Shirt for €49.90.',
    );
  });

  it('cuts at a clause, then at a word, never inside a kept fact', () => {
    expect(fitText('Premium shirts, chosen for lasting style', 30, 'chars', [])).toBe('Premium shirts');
    expect(fitText('Discover our wonderful summer collection', 30, 'chars', [])).toBe(
      'Discover our wonderful summer',
    );
    expect(
      fitText('Shop the Classic Linen Shirt Deluxe', 25, 'chars', ['Classic Linen Shirt Deluxe']),
    ).toBeNull();
  });

  it('never splits a number', () => {
    const cut = fitText('Ahora 1 234,56 € por fin disponible', 12, 'chars', []);
    expect(cut).not.toBe('Ahora 1');
  });

  it('counts CJK double for Google', () => {
    const ja = 'クラシックなリネンシャツ。今すぐチェック。';
    expect(fitText(ja, 30, 'google', [])).toBe('クラシックなリネンシャツ。');
    expect(fitText(ja, 30, 'chars', [])).toBe(ja);
  });
});

describe('slot formatting', () => {
  it('lower-cases plain capitalised category words mid-sentence, except in German', () => {
    expect(midSentence('Running Shoes', 'en')).toBe('running shoes');
    expect(midSentence('USB Cables', 'en')).toBe('USB cables');
    expect(midSentence('T-Shirts', 'fr')).toBe('T-Shirts');
    expect(midSentence('Laufschuhe', 'de')).toBe('Laufschuhe');
  });

  it('writes percents the way each locale does', () => {
    expect(formatPercent(20, 'en')).toBe('20%');
    expect(formatPercent(20, 'de')).toBe('20\u00a0%');
    expect(formatPercent(15, 'ja')).toBe('15%');
  });
});
