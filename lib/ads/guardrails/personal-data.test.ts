import { describe, expect, it } from 'vitest';
import type { AdLocale } from '@/lib/ads/types';
import { checkPersonalData } from './personal-data';
import { banner, context } from './test-fixtures';

const failed = (text: string, locale: AdLocale = 'en') =>
  checkPersonalData(banner(text), context(locale, [])).filter((c) => !c.passed);

describe('personal_data', () => {
  it.each([
    ['en', 'Hi {{first_name}}, linen is back'],
    ['en', 'Hi %FNAME%, linen is back'],
    ['en', 'Hi *|FNAME|*, linen is back'],
    ['de', 'Hallo [Vorname], Leinen ist zurück'],
  ] as const)('%s flags a merge tag: %s', (locale, text) => {
    expect(failed(text, locale)[0]?.reason).toMatch(
      /^Headline contains a personalization placeholder \('.+'\)$/,
    );
  });

  it('flags e-mail addresses, phone numbers and links with query strings', () => {
    expect(failed('Write to anna.schmidt@example.de today')[0]?.reason).toBe(
      "Headline contains an e-mail address ('anna.schmidt@example.de')",
    );
    expect(failed('Call +49 30 1234567 now')[0]?.reason).toBe(
      "Headline contains a phone number ('+49 30 1234567')",
    );
    expect(failed('Call (555) 123-4567 now')).toHaveLength(1);
    expect(failed('お電話は03-1234-5678まで', 'ja')).toHaveLength(1);
    expect(failed('See https://shop.example/p?uid=42')[0]?.reason).toContain('a link with a query string');
    expect(failed('See shop.example/p?customer=42')).toHaveLength(1);
  });

  it.each([
    ['en', 'Visit us at 221B Baker Street'],
    ['de', 'Besuch uns in der Hauptstraße 5'],
    ['fr', 'Au 12 rue de la Paix'],
    ['it', 'In via Giuseppe Verdi 12'],
    ['nl', 'Kom langs op Kerkstraat 12'],
    ['ja', '〒100-0001 東京都千代田区'],
    ['zh', '欢迎来中山路123号'],
    ['ko', '서울 테헤란로 123 매장'],
  ] as const)('%s flags a street address: %s', (locale, text) => {
    expect(failed(text, locale)[0]?.reason).toMatch(/^Headline contains what looks like a street address/);
  });

  it.each([
    ['en', 'Linen shirts from $19.99, -20 % this week'],
    ['de', 'Leinenhemden ab 1.234,56 € – 3 Farben, seit 1998'],
    ['en', 'Shop at shop.example/linen'],
    ['en', 'Your summer, your style'],
    ['de', 'Die Kollektion 2025-2026 ist da'],
    ['en', '5 reasons to hit the road in linen'],
    ['ko', '특가로 20% 할인, 세트로 2개'],
    ['ja', '夏のリネンシャツ ￥1,980'],
  ] as const)('%s passes ordinary copy: %s', (locale, text) => {
    expect(failed(text, locale)).toEqual([]);
  });
});
