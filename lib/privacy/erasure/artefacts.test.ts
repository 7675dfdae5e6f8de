import { describe, expect, it } from 'vitest';
import { emptyCsrRows, scrubArtefact } from './artefacts';
import { scrubValue } from './rows';
import { tinyArtefact } from './testing';

describe('emptyCsrRows', () => {
  it('empties the chosen rows and keeps the others aligned', () => {
    // Rows: 0 → [10, 11], 1 → [12], 2 → [], 3 → [13, 14].
    const ptr = Int32Array.of(0, 2, 3, 3, 5);
    const items = Int32Array.of(10, 11, 12, 13, 14);
    const weights = Float64Array.of(0.1, 0.2, 0.3, 0.4, 0.5);
    const out = emptyCsrRows(ptr, [items, weights], new Set([0, 3]));
    expect(Array.from(out.ptr)).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(out.aligned[0]!)).toEqual([12]);
    expect(Array.from(out.aligned[1]!)).toEqual([0.3]);
    expect(out.aligned[1]).toBeInstanceOf(Float64Array);
  });
});

describe('scrubArtefact', () => {
  it('blanks the shoppers, empties their rows and leaves everyone else as trained', () => {
    const a = tinyArtefact(['s1', 's2', 's3'], ['i1', 'i2']);
    const out = scrubArtefact(a, new Set(['s1', 's3']))!;
    expect(out.shopperIds).toEqual(['', 's2', '']);
    expect(Array.from(out.history.ptr)).toEqual([0, 0, 2, 2]);
    expect(Array.from(out.history.items)).toEqual([0, 1]);
    expect(Array.from(out.buyAgain.ptr)).toEqual([0, 0, 1, 1]);
    expect(out.buyAgain.count.length).toBe(1);
    expect(out.buyAgain.lastPurchase.length).toBe(1);
    expect(Array.from(out.shopperCountry)).toEqual([-1, 0, -1]);
    expect(out.itemIds).toEqual(['i1', 'i2']);
    expect(Array.from(a.shopperCountry)).toEqual([0, 0, 0]); // the input is not mutated
  });

  it('returns null when the model never saw the shopper', () => {
    expect(scrubArtefact(tinyArtefact(['s1'], ['i1']), new Set(['s9']))).toBeNull();
  });
});

describe('scrubValue', () => {
  it('removes long needles anywhere (keys too) and short ones only as whole values', () => {
    const needles = ['jane.doe@mail.example', '42'];
    expect(
      scrubValue(
        {
          note: 'mail jane.doe@mail.example now',
          id: '42',
          count: 42,
          other: '1420',
          'jane.doe@mail.example': [true, '42'],
        },
        needles,
      ),
    ).toEqual({ note: 'mail  now', id: '', count: 42, other: '1420', '': [true, ''] });
  });
});
