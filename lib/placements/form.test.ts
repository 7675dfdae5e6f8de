import { describe, expect, it } from 'vitest';
import { formatMajor, parseMajor, placementFromForm, placementFromFormOrThrow } from './form';

describe('placement form fields', () => {
  it('reads prices in major units with either decimal mark', () => {
    expect(parseMajor('12.50', 2)).toBe(1250);
    expect(parseMajor(' 12,5 ', 2)).toBe(1250);
    expect(parseMajor('1 000', 0)).toBe(1000);
    expect(parseMajor('', 2)).toBeUndefined();
    expect(parseMajor('-3', 2)).toBeNull();
    expect(parseMajor('cheap', 2)).toBeNull();
    expect(formatMajor(1250, 2)).toBe('12.50');
    expect(formatMajor(undefined, 2)).toBe('');
  });

  it('keeps row indexes stable and drops only a trailing blank row', () => {
    const { input } = placementFromForm(
      {
        'rules.boosts.0.attribute': '',
        'rules.boosts.0.equals': '',
        'rules.boosts.0.factor': '',
        'rules.boosts.2.attribute': 'brand',
        'rules.boosts.2.equals': 'Acme',
        'rules.boosts.2.factor': '2',
        'rules.boosts.3.attribute': '',
        'rules.pins.0.productId': '',
        'rules.pins.0.position': '',
      },
      'EUR',
    );
    const rules = input.rules as { boosts: unknown[]; pins: unknown[] };
    expect(rules.boosts).toHaveLength(3);
    expect(rules.boosts[2]).toEqual({ attribute: 'brand', equals: 'Acme', factor: '2' });
    expect(rules.pins).toEqual([]);
  });

  it('passes the widget layout through, and the schema refuses an unknown one', () => {
    const { input } = placementFromForm(
      { key: 'pdp', name: 'PDP', scenario: 'similar', layout: 'carousel' },
      'EUR',
    );
    expect(input.layout).toBe('carousel');
    expect(() =>
      placementFromFormOrThrow(
        { key: 'pdp', name: 'PDP', scenario: 'similar', layout: 'masonry', priceMin: 'x' },
        'EUR',
      ),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: expect.objectContaining({ layout: ['Choose grid, carousel or list.'] }),
      }),
    );
  });

  it('reports a bad price together with the schema’s errors', () => {
    expect(() =>
      placementFromFormOrThrow({ key: 'ok-key', name: '', scenario: 'trending', priceMax: 'x' }, 'JPY'),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: expect.objectContaining({
          name: ['Enter a name.'],
          'rules.priceRange.maxMinor': ['Enter a price such as 12.50 (JPY).'],
        }),
      }),
    );
  });
});
