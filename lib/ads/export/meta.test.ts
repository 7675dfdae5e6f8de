import { describe, expect, it } from 'vitest';
import { ExportError } from './csv';
import { META_BULK_COLUMNS, type MetaBulkRow, type MetaCallToAction, toMetaBulkCsv } from './meta';

function row(overrides: Partial<MetaBulkRow> = {}): MetaBulkRow {
  return {
    label: 'VIP · fr · 1',
    campaign: 'Été lin',
    adSet: 'VIP · fr',
    adName: 'Lin été',
    fields: {
      primaryText: ['Nos chemises en lin vous gardent au frais, même en plein été.'],
      headline: ['Chemises en lin pour l’été'],
    },
    link: 'https://shop.example/fr/lin',
    status: 'active',
    ...overrides,
  };
}

const lines = (csv: string) =>
  csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean);

describe('toMetaBulkCsv', () => {
  it('writes one ad row with the bulk-import columns', () => {
    const csv = toMetaBulkCsv([row()]);
    const [header, line] = lines(csv);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(header).toBe(META_BULK_COLUMNS.join(','));
    expect(line).toBe(
      'Été lin,Outcome Sales,VIP · fr,Lin été,ACTIVE,Chemises en lin pour l’été,"Nos chemises en lin vous gardent au frais, même en plein été.",https://shop.example/fr/lin,SHOP_NOW',
    );
  });

  it('writes one ad per text variant, pairing texts with headlines', () => {
    const csv = toMetaBulkCsv([
      row({
        fields: { primaryText: ['Texte un', 'Texte deux', 'Texte trois'], headline: ['Titre A', 'Titre B'] },
        status: 'paused',
        callToAction: 'LEARN_MORE',
      }),
    ]);
    const body = lines(csv).slice(1);
    expect(body).toHaveLength(3);
    expect(body.map((l) => l.split(',').slice(3, 7))).toEqual([
      ['Lin été 1', 'PAUSED', 'Titre A', 'Texte un'],
      ['Lin été 2', 'PAUSED', 'Titre B', 'Texte deux'],
      ['Lin été 3', 'PAUSED', 'Titre A', 'Texte trois'],
    ]);
    expect(body[0]?.endsWith(',LEARN_MORE')).toBe(true);
  });

  it('refuses creatives that break the format, naming each', () => {
    const tooLong = row({
      label: 'Ad 2',
      fields: { primaryText: ['x'.repeat(126)], headline: [] },
      link: 'ftp://shop.example',
      callToAction: 'BUY_EVERYTHING' as MetaCallToAction,
    });
    let error: unknown;
    try {
      toMetaBulkCsv([tooLong, row({ label: 'Ad 3', adName: ' ' })]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).problems).toEqual([
      'Ad 2: Headlines: missing (needs 1–5)',
      'Ad 2: Primary text 1 is 126 of 125 characters',
      'Ad 2: Link is not an http(s) address',
      "Ad 2: Call to action 'BUY_EVERYTHING' is not one Ads Manager accepts",
      'Ad 3: Ad name is empty',
    ]);
    expect((error as ExportError).message).toMatch(/^2 creatives cannot be exported/);
  });
});
