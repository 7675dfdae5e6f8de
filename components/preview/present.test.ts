import { describe, expect, it } from 'vitest';
import { parsePreviewQuery, previewHref, VIEWED_MAX, viewHref } from './present';

const parse = (params: Record<string, string>) => parsePreviewQuery(params, ['en', 'de'], 'en');

describe('preview URL state', () => {
  it('reads the visit’s views, newest first, without repeats and at most VIEWED_MAX', () => {
    expect(parse({ viewed: ' a, b ,a,,c ' }).viewed).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: VIEWED_MAX + 5 }, (_, i) => `p${i}`).join(',');
    expect(parse({ viewed: many }).viewed).toHaveLength(VIEWED_MAX);
    expect(parse({}).viewed).toEqual([]);
  });

  it('viewing a product puts it on screen and the one before at the head of the visit', () => {
    const q = parse({ shopper: 'C1', item: 'shoes', viewed: 'hat,scarf', q: 'boots', segment: 's1' });
    const next = new URL(viewHref('demo', q, 'boots-1'), 'http://x');
    expect(next.pathname).toBe('/demo/preview');
    expect(Object.fromEntries(next.searchParams)).toEqual({
      shopper: 'C1',
      item: 'boots-1',
      viewed: 'shoes,hat,scarf',
      locale: 'en',
      segment: 's1',
    });
    // Viewing a product of the visit again moves it on screen, not twice into the visit.
    const again = new URL(viewHref('demo', parse({ item: 'shoes', viewed: 'hat,scarf' }), 'hat'), 'http://x');
    expect(again.searchParams.get('viewed')).toBe('shoes,scarf');
    expect(previewHref('demo', q, { viewed: [] })).not.toContain('viewed=');
  });
});
