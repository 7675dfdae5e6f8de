import { describe, expect, it } from 'vitest';
import { segmentFieldInfos } from '@/lib/segments/fields';
import { conditionToRow, describeRules, minorPerMajor, rowToCondition } from './present';

const fields = new Map(segmentFieldInfos().map((f) => [f.key, f]));

describe('segment rules for people', () => {
  it('describes conditions in words with units', () => {
    const words = describeRules(
      {
        match: 'all',
        conditions: [
          { field: 'churn', op: 'gt', value: 0.6 },
          { field: 'country', op: 'in', value: ['DE', 'AT'] },
          { field: 'monetaryMinor', op: 'gte', value: 25000 },
          { field: 'rfmSegment', op: 'eq', value: 'at_risk' },
          { field: 'topBrand', op: 'is_set' },
        ],
      },
      fields,
      'EUR',
    );
    expect(words.lead).toBe('Shoppers where all of these hold');
    expect(words.lines).toEqual([
      'Churn risk more than 60 %',
      'Country is one of DE, AT',
      'Total spend at least €250.00',
      'RFM segment is At risk',
      'Top brand is known',
    ]);
    expect(describeRules({ match: 'any', conditions: [] }, fields, 'EUR').lead).toBe(
      'Every shopper of the workspace.',
    );
  });

  it('turns builder rows into conditions: money to minor units, lists split, bad numbers kept for the server', () => {
    expect(minorPerMajor('EUR')).toBe(100);
    expect(minorPerMajor('JPY')).toBe(1);
    expect(rowToCondition({ field: 'aovMinor', op: 'gt', value: '12,5', values: [] }, fields, 'EUR')).toEqual(
      {
        field: 'aovMinor',
        op: 'gt',
        value: 1250,
      },
    );
    expect(
      rowToCondition({ field: 'country', op: 'in', value: 'DE, AT ,', values: [] }, fields, 'EUR').value,
    ).toEqual(['DE', 'AT']);
    expect(
      rowToCondition({ field: 'rfmSegment', op: 'in', value: '', values: ['lost'] }, fields, 'EUR').value,
    ).toEqual(['lost']);
    expect(rowToCondition({ field: 'churn', op: 'gt', value: 'high', values: [] }, fields, 'EUR').value).toBe(
      'high',
    );
    expect(
      rowToCondition({ field: 'topBrand', op: 'is_set', value: 'x', values: [] }, fields, 'EUR'),
    ).toEqual({
      field: 'topBrand',
      op: 'is_set',
    });
    expect(conditionToRow({ field: 'clv', op: 'gte', value: 9950 }, fields, 'EUR').value).toBe('99.5');
  });
});
