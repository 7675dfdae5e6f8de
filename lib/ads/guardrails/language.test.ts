import { beforeAll, describe, expect, it } from 'vitest';
import type { AdLocale } from '@/lib/ads/types';
import { prepareGuardrails } from '.';
import { checkLanguage } from './language';
import { candidate, context, product } from './test-fixtures';

const meta = (primary: string, headline: string) =>
  candidate({ primaryText: [primary], headline: [headline] });
const failed = (
  locale: AdLocale,
  primary: string,
  headline: string,
  products = [product('Linen Shirt', 19.99)],
) =>
  checkLanguage(meta(primary, headline), context(locale, products, { channel: 'meta' })).filter(
    (c) => !c.passed,
  );

/** Ad-like copy per locale (short sentences, as the template engine writes them). */
const COPY: Record<AdLocale, [string, string]> = {
  en: ['Our linen shirts keep you cool on the warmest days of summer.', 'Linen shirts for summer'],
  de: ['Unsere Leinenhemden halten dich an heißen Sommertagen angenehm kühl.', 'Leinenhemden für den Sommer'],
  fr: [
    'Nos chemises en lin vous gardent au frais pendant les journées chaudes.',
    'Chemises en lin pour l’été',
  ],
  es: ['Nuestras camisas de lino te mantienen fresco en los días de calor.', 'Novedades para ti'],
  it: [
    'Le nostre camicie di lino ti tengono fresco nelle giornate più calde.',
    'Camicie di lino per l’estate',
  ],
  nl: ['Onze linnen overhemden houden je koel op de warmste zomerdagen.', 'Linnen overhemden voor de zomer'],
  pt: ['Nossas camisas de linho deixam você fresco nos dias mais quentes do verão.', 'Camisas de linho'],
  ja: ['私たちのリネンシャツは、暑い夏の日でも涼しく快適です。', '夏のリネンシャツ'],
  zh: ['我们的亚麻衬衫让你在炎热的夏天也保持凉爽舒适。', '夏季亚麻衬衫'],
  ko: ['저희 린넨 셔츠는 더운 여름날에도 시원하고 편안합니다.', '여름 린넨 셔츠'],
};

describe('language', () => {
  beforeAll(async () => {
    await prepareGuardrails();
  });

  it.each(Object.entries(COPY) as [AdLocale, [string, string]][])('passes %s copy', (locale, [p, h]) => {
    expect(failed(locale, p, h)).toEqual([]);
  });

  it('fails copy in another language with the detected language named', () => {
    const [f] = failed('fr', ...COPY.de);
    expect(f?.reason).toMatch(/^Reads as German \(\d+ % sure\), but this creative is for French$/);
    expect(failed('pt', ...COPY.es)).toHaveLength(1);
    expect(failed('en', ...COPY.nl)).toHaveLength(1);
  });

  it('checks the script for Japanese, Chinese and Korean', () => {
    expect(failed('ja', ...COPY.zh)[0]?.reason).toBe(
      'Has no kana (hiragana or katakana): it reads as Chinese, not Japanese',
    );
    expect(failed('zh', ...COPY.ja)[0]?.reason).toBe(
      'Contains Japanese kana, but this creative is for Chinese',
    );
    expect(failed('ko', ...COPY.en)[0]?.reason).toBe('Is not written in Korean (no Hangul)');
    expect(failed('ja', ...COPY.ko)[0]?.reason).toBe(
      'Contains Korean (Hangul) text, but this creative is for Japanese',
    );
  });

  it('fails a Latin-script locale on CJK text', () => {
    expect(failed('de', 'Leinenhemden für den Sommer 夏のセール', 'Jetzt')[0]?.reason).toBe(
      'Contains Chinese, Japanese or Korean characters, but this creative is for German',
    );
  });

  it('ignores product titles and too-short copy', () => {
    const jpTitle = [product('麻のシャツ', 1980, { currency: 'JPY' })];
    expect(
      failed('en', 'The 麻のシャツ keeps you cool all summer long.', 'Linen for summer', jpTitle),
    ).toEqual([]);
    const deTitle = [product('Leinenhemd Klassisch Weiß', 19.99)];
    expect(failed('en', 'Leinenhemd Klassisch Weiß', 'Shop now', deTitle)).toEqual([]);
    expect(failed('it', 'Ci manchi', 'Scopri')).toEqual([]);
    const jaShirt = [product('リネンシャツ', 1980, { currency: 'JPY' })];
    expect(failed('ja', 'リネンシャツ ￥1,980', 'リネンシャツ', jaShirt)).toEqual([]);
    const koShirt = [product('린넨 셔츠', 19900, { currency: 'KRW' })];
    expect(failed('ja', '夏の新作：린넨 셔츠が登場しました。', '新作のご案内', koShirt)).toEqual([]);
  });
});

describe('language: everyday words', () => {
  beforeAll(async () => {
    await prepareGuardrails();
  });

  it('fails random letters the detector is unsure about', () => {
    const noise = candidate({
      headlines: ['ehemdenas whemdenouft', 'wovauata hem', 'comp collectionr'],
      descriptions: ['s ta vo', 'lemdo'],
    });
    const [r] = checkLanguage(
      noise,
      context('de', [product('Linen Shirt', 19.99)], { channel: 'google-rsa' }),
    );
    expect(r?.passed).toBe(false);
    expect(r?.reason).toMatch(/of the everyday German words/);
  });

  it('fails English copy in a German slot even when the detector is unsure', () => {
    const r = failed('de', 'Discover the new collection in our shop today', 'Shop now');
    expect(r).toHaveLength(1);
    expect(r[0]?.reason).toMatch(/English/);
  });

  it('passes short everyday German copy', () => {
    expect(failed('de', 'Neu für Sie: jetzt die Kollektion entdecken', 'Jetzt entdecken')).toEqual([]);
  });
});

describe('language: a chance everyday word in noise', () => {
  beforeAll(async () => {
    await prepareGuardrails();
  });

  it('is not enough', () => {
    const noise = candidate({
      headlines: ['ouvatu hom collection', 'rqomatouvout.', 'de adatovauc'],
      descriptions: ['sovauon whemdenp', 'wovauovhomjosctiri nuouvou wovara'],
    });
    const [r] = checkLanguage(
      noise,
      context('en', [product('Linen Shirt', 19.99)], { channel: 'google-rsa' }),
    );
    expect(r?.passed).toBe(false);
    expect(r?.reason).toMatch(/only 1 of the everyday English words/);
  });

  it('fails short noise too, from three words on', () => {
    expect(failed('en', 'oume', 'ou w vpatos')[0]?.reason).toMatch(/none of the everyday English words/);
    expect(failed('en', 'Shop now', 'New in')).toEqual([]);
  });
});
