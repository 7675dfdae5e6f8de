import { beforeAll, describe, expect, it } from 'vitest';
import {
  baseLanguage,
  cleanForDetection,
  detectLanguage,
  detectLanguageSync,
  ensureLanguageDetector,
  isLanguageMismatch,
  languageName,
  normalizeLanguageCode,
} from './detect';

const SENTENCES: Record<string, string> = {
  de: 'Dieses Hemd aus reinem Leinen ist leicht, atmungsaktiv und perfekt für warme Sommertage.',
  fr: 'Cette chemise en lin pur est légère, respirante et parfaite pour les chaudes journées d’été.',
  es: 'Esta camisa de lino puro es ligera, transpirable y perfecta para los días cálidos de verano.',
  it: 'Questa camicia di puro lino è leggera, traspirante e perfetta per le calde giornate estive.',
  nl: 'Dit overhemd van puur linnen is licht, ademend en perfect voor warme zomerdagen.',
  pt: 'Esta camisa de linho puro é leve, respirável e perfeita para os dias quentes de verão.',
  ja: 'この純リネンのシャツは軽くて通気性がよく、暑い夏の日にぴったりです。',
  zh: '这件纯亚麻衬衫轻盈透气，非常适合炎热的夏天穿着。',
  ko: '이 순수 린넨 셔츠는 가볍고 통기성이 좋아 더운 여름날에 딱 맞습니다.',
  en: 'This pure linen shirt is light, breathable and perfect for warm summer days.',
};

describe('detectLanguage', () => {
  beforeAll(async () => {
    await ensureLanguageDetector();
  });

  it.each(Object.entries(SENTENCES))('detects %s', async (lang, text) => {
    const r = await detectLanguage(text);
    expect(r.language).toBe(lang);
    expect(r.reliable).toBe(true);
    expect(r.probability).toBeGreaterThan(0.7);
    expect(r.probability).toBeLessThanOrEqual(1);
  });

  it('says "too short to tell" for short texts instead of guessing', () => {
    for (const t of ['linen shirt', 'Leinenhemd', 'Wool scarf', 'ok', '亚麻衬衫']) {
      expect(detectLanguageSync(t)).toEqual({ language: null, probability: 0, reliable: false });
    }
  });

  it('can demand more letters where a wrong guess costs more than none', () => {
    expect(detectLanguageSync('Classic Linen Shirt', { minLetters: 32 }).language).toBeNull();
    expect(detectLanguageSync(SENTENCES.en!, { minLetters: 32 }).language).toBe('en');
  });

  it('does not count markup, links and numbers as text', () => {
    const noisy = '<b>linen</b> https://shop.example/p/123?x=1 shirt 100% SKU-4711 42cm mail@x.io &amp;';
    expect(cleanForDetection(noisy)).toBe('linen shirt');
    expect(detectLanguageSync(noisy).language).toBeNull();
  });

  it('reads HTML through its markup', () => {
    const html = `<div class="desc"><p>${SENTENCES.de}</p><script>var x = "english words here";</script></div>`;
    expect(detectLanguageSync(html).language).toBe('de');
  });

  it('survives empty, emoji-only, control characters, lone surrogates and 100 KB', () => {
    const odd = ['', '   ', '😀😀😀🎉🎉', '\u0000\u0007\ufeff', 'abc\ud800def', '<<<>>>&&&;;;'];
    for (const t of odd) expect(detectLanguageSync(t).language).toBeNull();
    const huge = `${SENTENCES.fr} `.repeat(1200);
    expect(huge.length).toBeGreaterThan(100_000);
    expect(detectLanguageSync(huge).language).toBe('fr');
    expect(detectLanguageSync('😀'.repeat(60_000)).language).toBeNull();
    // Long runs without spaces or closing brackets (the patterns are linear on them).
    for (const t of ['a'.repeat(100_000), '<a'.repeat(50_000), 'x@'.repeat(50_000), '&#x'.repeat(40_000)]) {
      expect(detectLanguageSync(t)).toMatchObject({ reliable: expect.any(Boolean) });
    }
  });

  it('loads the model once per process', async () => {
    await Promise.all([ensureLanguageDetector(), ensureLanguageDetector()]);
    const key = '__tailorLangId' as const;
    const g = globalThis as unknown as Record<typeof key, { ready?: unknown }>;
    const first = g[key].ready;
    await ensureLanguageDetector();
    expect(g[key].ready).toBe(first);
  });
});

describe('codes and names', () => {
  it('normalizes CLD3 codes to ISO 639-1', () => {
    expect(normalizeLanguageCode('iw')).toBe('he');
    expect(normalizeLanguageCode('zh-Latn')).toBe('zh');
    expect(normalizeLanguageCode('zh')).toBe('zh');
    expect(normalizeLanguageCode('fil')).toBe('fil');
    expect(normalizeLanguageCode('und')).toBeNull();
  });

  it('compares locales by base language', () => {
    expect(baseLanguage('de-AT')).toBe('de');
    expect(baseLanguage('pt_BR')).toBe('pt');
    expect(baseLanguage('nb')).toBe('no');
    const en = { language: 'en', probability: 0.99, reliable: true };
    expect(isLanguageMismatch('de', en)).toBe(true);
    expect(isLanguageMismatch('en-GB', en)).toBe(false);
    expect(isLanguageMismatch('de', { ...en, reliable: false })).toBe(false);
    expect(isLanguageMismatch('nb', { language: 'no', probability: 0.9, reliable: true })).toBe(false);
  });

  it('names languages in a display locale', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('de', 'de')).toBe('Deutsch');
    expect(languageName('pl')).toBe('Polish');
    expect(languageName('not a code')).toBe('not a code');
    expect(languageName('fr', '!!invalid')).toBe('fr');
  });
});
