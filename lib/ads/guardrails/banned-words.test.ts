import { describe, expect, it } from 'vitest';
import { checkBannedWords } from './banned-words';
import { banner, context } from './test-fixtures';

const ctx = (locale: 'en' | 'de' | 'fr' | 'ja', bannedWords: string[]) =>
  context(locale, [], { bannedWords });
const failed = (text: string, c: ReturnType<typeof ctx>) =>
  checkBannedWords(banner(text), c).filter((r) => !r.passed);

describe('banned_words', () => {
  it('finds whole words regardless of case, accents and width', () => {
    expect(failed('CHEAP shirts for you', ctx('en', ['cheap']))[0]).toMatchObject({
      field: 'headline[0]',
      reason: "Headline uses the banned word 'cheap'",
    });
    expect(failed('Une offre très bon marché', ctx('fr', ['marche']))).toHaveLength(1);
    expect(failed('Günstig und gut', ctx('de', ['gunstig']))).toHaveLength(1);
    expect(failed('ＣＨＥＡＰ today', ctx('en', ['cheap']))).toHaveLength(1);
    expect(failed('Nur heute: billige Hemden', ctx('de', ['billige hemden']))).toHaveLength(1);
  });

  it('does not match inside other words', () => {
    expect(failed('The cheapest option', ctx('en', ['cheap']))).toEqual([]);
    expect(failed('Scheaper', ctx('en', ['cheap']))).toEqual([]);
    expect(checkBannedWords(banner('Anything'), ctx('en', []))).toEqual([
      { check: 'banned_words', passed: true },
    ]);
  });

  it('matches CJK words as substrings', () => {
    expect(failed('激安シャツが登場', ctx('ja', ['激安']))).toHaveLength(1);
    expect(failed('新しいシャツが登場', ctx('ja', ['激安']))).toEqual([]);
  });

  it('checks every field', () => {
    expect(checkBannedWords(banner('Linen shirts', 'Buy cheap'), ctx('en', ['cheap']))[0]?.reason).toBe(
      "Button uses the banned word 'cheap'",
    );
  });
});
