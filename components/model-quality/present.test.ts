import { describe, expect, it } from 'vitest';
import { chosenSettings, formatBytes, formatNdcg } from './present';

describe('model quality formatting', () => {
  it('formats NDCG with three decimals and a dash when missing', () => {
    expect(formatNdcg(0.34812)).toBe('0.348');
    expect(formatNdcg(null)).toBe('–');
    expect(formatNdcg(Number.NaN)).toBe('–');
  });

  it('formats artefact sizes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });

  it('lists the chosen settings by component name', () => {
    expect(
      chosenSettings({
        itemknn: { chosen: 'k=50', scores: {} },
        ease: { chosen: 'λ=250', scores: { 'λ=250': 0.2 } },
      }),
    ).toEqual([
      ['ease', 'λ=250'],
      ['itemknn', 'k=50'],
    ]);
    expect(chosenSettings(undefined)).toEqual([]);
  });
});
