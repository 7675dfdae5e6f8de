import { describe, expect, it } from 'vitest';
import { convertMinor, minorDigits, rateOf, ratesFrom } from './convert';
import { isCurrencyCode, rateSchema, setRateSchema } from './schemas';

const rates = ratesFrom('EUR', [
  { currency: 'usd', rate: 0.9 },
  { currency: 'JPY', rate: 0.0062 },
  { currency: 'KWD', rate: 3 },
]);

describe('convertMinor', () => {
  it('keeps the workspace currency as it is, whatever the case', () => {
    expect(convertMinor(12_345, 'EUR', rates)).toBe(12_345);
    expect(convertMinor(12_345, 'eur', rates)).toBe(12_345);
  });

  it('converts with the stored rate between currencies of the same minor digits', () => {
    expect(convertMinor(10_000, 'USD', rates)).toBe(9_000); // $100 → €90
    expect(convertMinor(1, 'USD', rates)).toBe(1); // 0.9 cent rounds to 1
    expect(convertMinor(-10_000, 'USD', rates)).toBe(-9_000);
  });

  it('accounts for currencies without minor units or with three', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(convertMinor(1_000, 'JPY', rates)).toBe(620); // ¥1,000 → €6.20
    expect(convertMinor(1_500, 'KWD', rates)).toBe(450); // 1.500 KWD → €4.50
    const yen = ratesFrom('JPY', [{ currency: 'EUR', rate: 161.5 }]);
    expect(convertMinor(1_000, 'EUR', yen)).toBe(1_615); // €10.00 → ¥1,615
  });

  it('rounds half away from zero despite binary floats', () => {
    const r = ratesFrom('EUR', [{ currency: 'USD', rate: 1.005 }]);
    expect(convertMinor(100, 'USD', r)).toBe(101); // 100.5 → 101, not 100
    expect(convertMinor(-100, 'USD', r)).toBe(-101);
  });

  it('returns null, not a guess, when no rate is stored', () => {
    expect(convertMinor(500, 'GBP', rates)).toBeNull();
    expect(rateOf('GBP', rates)).toBeNull();
    expect(rateOf('usd', rates)).toBe(0.9);
  });
});

describe('rate input', () => {
  it('accepts ISO 4217 codes only, upper-casing them', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('ABC')).toBe(false);
    expect(setRateSchema.parse({ currency: ' usd ', rate: '0.92' })).toEqual({ currency: 'USD', rate: 0.92 });
    const bad = setRateSchema.safeParse({ currency: 'ABC', rate: '1' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/Not an ISO 4217 currency code/);
    expect(setRateSchema.safeParse({ currency: 'US', rate: '1' }).error?.issues[0]?.message).toMatch(
      /three-letter ISO 4217 code/,
    );
  });

  it('wants a positive number, with a clear message for each mistake', () => {
    expect(rateSchema.parse('1,25')).toBe(1.25);
    expect(rateSchema.parse(2)).toBe(2);
    const msg = (v: unknown) => rateSchema.safeParse(v).error?.issues[0]?.message;
    expect(msg('')).toBe('Enter a rate.');
    expect(msg('0')).toBe('The rate must be greater than 0.');
    expect(msg('-1')).toBe('Enter the rate as a positive number, such as 0.92.');
    expect(msg('abc')).toBe('Enter the rate as a positive number, such as 0.92.');
    expect(msg('100000000')).toMatch(/between/);
  });
});
