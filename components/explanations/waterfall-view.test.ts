import { describe, expect, it } from 'vitest';
import { niceTicks, signedDecimal, waterfallView } from './waterfall-view';

const c = (feature: string, contribution: number, value = '1') => ({
  feature,
  label: feature.toUpperCase(),
  value,
  contribution,
});

describe('waterfallView', () => {
  const logit = {
    link: 'logit' as const,
    base: -0.8,
    contributions: [c('a', 0.1), c('b', -0.9), c('c', 1.5, '41'), c('d', 0.05), c('e', -0.02), c('f', 0.3)],
    total: 0,
    score: 0,
  };
  logit.total = logit.contributions.reduce((s, x) => s + x.contribution, logit.base);
  logit.score = 1 / (1 + Math.exp(-logit.total));

  it('orders steps by size, chains them from the base to the total and labels features with values', () => {
    const v = waterfallView(logit, { limit: 3 });
    expect(v.steps.map((s) => s.key)).toEqual(['c', 'b', 'f', '__other']);
    expect(v.steps[0]).toMatchObject({ label: 'C: 41', from: -0.8, text: '+1.50' });
    expect(v.steps[0]!.to).toBeCloseTo(0.7, 12);
    for (let i = 1; i < v.steps.length; i++) expect(v.steps[i]!.from).toBe(v.steps[i - 1]!.to);
    expect(v.steps.at(-1)!.to).toBeCloseTo(logit.total, 12);
    expect(v.steps.at(-1)).toMatchObject({ label: '3 other features', text: '+0.13' });
    expect(v.folded).toBe(3);
  });

  it('says the ends as probabilities for logit models and the domain covers every running value', () => {
    const v = waterfallView(logit, { limit: 3 });
    expect(v.baseLabel).toBe('typical shopper 31%');
    expect(v.endLabel).toBe(`this shopper ${Math.round(logit.score * 100)}%`);
    expect(v.summary).toMatch(
      /^From the typical shopper 31% to this shopper \d+%\. Largest: C: 41 \(\+1\.50 log-odds\)/,
    );
    const [lo, hi] = v.domain;
    for (const s of v.steps) {
      expect(Math.min(s.from, s.to)).toBeGreaterThan(lo);
      expect(Math.max(s.from, s.to)).toBeLessThan(hi);
    }
  });

  it('does not fold a single feature, and money models use their own format and start at zero', () => {
    const money = {
      link: 'identity' as const,
      base: 10_000,
      contributions: [c('x', 2_000), c('y', -500)],
      total: 11_500,
      score: 11_500,
    };
    const v = waterfallView(money, {
      limit: 1,
      format: {
        level: (m) => `€${(m / 100).toFixed(2)}`,
        delta: (m) => `${m < 0 ? '−' : '+'}€${Math.abs(m / 100)}`,
      },
    });
    expect(v.steps.map((s) => s.key)).toEqual(['x', 'y']);
    expect(v.baseLabel).toBe('typical shopper €100.00');
    expect(v.endLabel).toBe('this shopper €115.00');
    expect(v.steps[1]!.text).toBe('−€5');
    expect(v.domain[0]).toBeGreaterThanOrEqual(0);
  });
});

describe('helpers', () => {
  it('formats signs with a true minus and picks round ticks', () => {
    expect(signedDecimal(0.123)).toBe('+0.12');
    expect(signedDecimal(-1)).toBe('−1.00');
    expect(signedDecimal(0.001)).toBe('±0.00');
    expect(niceTicks(-1.2, 2.7)).toEqual([-1, 0, 1, 2]);
    expect(niceTicks(0, 12_000)).toEqual([0, 2500, 5000, 7500, 10_000]);
    expect(niceTicks(0, 9_000)).toEqual([0, 2000, 4000, 6000, 8000]);
  });
});

describe('Waterfall (rendered)', () => {
  it('is an SVG image named by its summary, with every step in the figures table', async () => {
    const { createElement } = await import('react');
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { PredictionWaterfall } = await import('./prediction-waterfall');
    const explanation = {
      link: 'identity' as const,
      base: 10_000,
      contributions: [c('frequency', 2_000, '3'), c('recency', -500, '41')],
      total: 11_500,
      score: 11_500,
    };
    const html = renderToStaticMarkup(
      createElement(PredictionWaterfall, { kind: 'clv', explanation, currency: 'EUR', locale: 'en' }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain(
      'aria-label="Customer value waterfall: From the typical shopper €100.00 to this shopper €115.00.',
    );
    expect(html).toContain('FREQUENCY: 3');
    expect(html).toMatch(/<text[^>]*>Typical shopper €100\.00<\/text>/);
    expect(html).toMatch(/<text[^>]*>This shopper €115\.00<\/text>/);
    expect(html).toContain('<caption class="sr-only">Customer value waterfall: contributions</caption>');
    expect(html).toContain('+€20.00');
    expect(html).toContain('−€5.00');
    expect((html.match(/<tr>/g) ?? []).length).toBe(5); // header, base, 2 steps, this shopper
  });
});
