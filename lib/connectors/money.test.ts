import { describe, expect, it } from 'vitest';
import { currencyDigits, toMinorUnits } from './money';

describe('toMinorUnits', () => {
  it('converts decimal strings and numbers exactly, by the currency’s digits', () => {
    expect(toMinorUnits('19.99', 'EUR')).toBe(1999);
    expect(toMinorUnits('19.9', 'EUR')).toBe(1990);
    expect(toMinorUnits('20', 'EUR')).toBe(2000);
    expect(toMinorUnits(0.1 + 0.2, 'EUR')).toBe(30);
    expect(toMinorUnits(8.333333, 'EUR')).toBe(833);
    expect(toMinorUnits('19.995', 'EUR')).toBe(2000);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500);
    expect(toMinorUnits('1.234', 'KWD')).toBe(1234);
    expect(currencyDigits('XYZ')).toBe(2);
  });

  it('refuses what is not an amount', () => {
    for (const v of ['', 'free', '1,50', '1e3', null, undefined, {}, Number.NaN, '-5.00']) {
      expect(toMinorUnits(v, 'EUR')).toBeNull();
    }
    expect(toMinorUnits('-5.00', 'EUR', { allowNegative: true })).toBe(-500);
  });
});
