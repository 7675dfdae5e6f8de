import { describe, expect, it } from 'vitest';
import { foldText } from './fold';

describe('foldText', () => {
  it('folds accents, case, compatibility forms and letters that do not decompose', () => {
    expect(foldText('Café CRÈME')).toBe('cafe creme');
    expect(foldText('Straße Øl Æble')).toBe('strasse ol aeble');
    expect(foldText('ＡＢＣ ﬁne')).toBe('abc fine');
    expect(foldText('Łódź')).toBe('lodz');
  });

  it('keeps scripts without case or accents as they are (Japanese kana keep their voicing)', () => {
    expect(foldText('麻のシャツ')).toBe('麻のシャツ');
    expect(foldText('ジャケット')).toBe('ジャケット');
    expect(foldText('가방')).toBe('가방');
  });
});
