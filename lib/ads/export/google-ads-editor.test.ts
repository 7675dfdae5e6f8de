import { describe, expect, it } from 'vitest';
import { ExportError } from './csv';
import {
  GOOGLE_ADS_EDITOR_COLUMNS,
  type GoogleAdsEditorRow,
  toGoogleAdsEditorCsv,
} from './google-ads-editor';

function row(overrides: Partial<GoogleAdsEditorRow> = {}): GoogleAdsEditorRow {
  return {
    label: 'VIP · de · 1',
    campaign: 'Summer linen',
    adGroup: 'VIP · de',
    fields: {
      headlines: ['Leinenhemden für den Sommer', 'Leicht und luftig', 'Jetzt 20 % sparen, heute'],
      descriptions: ['Unsere Leinenhemden halten dich kühl.', 'Classic Linen Shirt für 19,99 €.'],
    },
    finalUrl: 'https://shop.example/de/leinen',
    path1: 'leinen',
    path2: 'sommer',
    status: 'paused',
    ...overrides,
  };
}

function parse(csv: string): string[][] {
  // Enough CSV reading for these rows: quoted cells may hold commas and doubled quotes.
  return csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
        (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'),
      ),
    );
}

describe('toGoogleAdsEditorCsv', () => {
  it('writes the responsive search ad columns with padded headlines and descriptions', () => {
    const csv = toGoogleAdsEditorCsv([row()]);
    expect(csv.startsWith('\ufeffCampaign,Ad group,Ad type,Headline 1,')).toBe(true);
    const [header, line] = parse(csv);
    expect(header).toEqual([...GOOGLE_ADS_EDITOR_COLUMNS]);
    expect(header).toHaveLength(3 + 15 + 4 + 4);
    const cell = (name: string) => line?.[header?.indexOf(name) ?? -1];
    expect(cell('Ad type')).toBe('Responsive search ad');
    expect(cell('Headline 3')).toBe('Jetzt 20 % sparen, heute');
    expect(cell('Headline 4')).toBe('');
    expect(cell('Description 2')).toBe('Classic Linen Shirt für 19,99 €.');
    expect(cell('Final URL')).toBe('https://shop.example/de/leinen');
    expect(cell('Path 2')).toBe('sommer');
    expect(cell('Status')).toBe('Paused');
    expect(csv).toContain('"Jetzt 20 % sparen, heute"');
  });

  it('keeps Japanese text as UTF-8 and allows 15 full-width characters', () => {
    const ja = row({
      fields: {
        headlines: ['夏のリネンシャツ新登場です', '軽くて涼しい着心地', '今なら２０％オフ'],
        descriptions: ['暑い夏も快適に過ごせます。', '今すぐチェック。'],
      },
      status: 'enabled',
    });
    const csv = toGoogleAdsEditorCsv([ja]);
    expect(csv).toContain('夏のリネンシャツ新登場です');
    expect(csv.trimEnd().endsWith('Enabled')).toBe(true);
  });

  it('gives only the header for no rows', () => {
    expect(toGoogleAdsEditorCsv([])).toBe(`\ufeff${GOOGLE_ADS_EDITOR_COLUMNS.join(',')}\r\n`);
  });

  it('refuses rows that break the format and names the creative and the problem', () => {
    const bad = row({
      label: 'Ad 7',
      fields: { headlines: ['夏にぴったりのリネンシャツ新登場', 'Zwei', 'Zwei'], descriptions: ['x'] },
      finalUrl: 'shop.example',
      path1: 'eine-sehr-lange-pfadangabe',
    });
    let error: unknown;
    try {
      toGoogleAdsEditorCsv([row(), bad]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    const problems = (error as ExportError).problems;
    expect(problems).toEqual([
      'Ad 7: Descriptions: 1 text, needs at least 2',
      'Ad 7: Headline 1 is 32 of 30 characters (CJK characters count twice on Google)',
      'Ad 7: Headline 3 repeats Headline 2',
      'Ad 7: Final URL is not a valid web address',
      'Ad 7: Path 1 is longer than 15 characters',
    ]);
    expect((error as ExportError).message).toMatch(/^1 creative cannot be exported: Ad 7: /);
  });

  it('refuses Path 2 without Path 1 and formula-like texts', () => {
    expect(() => toGoogleAdsEditorCsv([row({ path1: null, path2: 'x' })])).toThrow(
      'Path 2 is set without Path 1',
    );
    const formula = row({ fields: { headlines: ['=1+1', 'b', 'c'], descriptions: ['d', 'e'] } });
    expect(() => toGoogleAdsEditorCsv([formula])).toThrow('spreadsheets read as a formula');
  });
});
