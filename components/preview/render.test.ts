// Server-renders the preview's explanation pieces (issue 8) to check what a reader gets: each
// reason's share as a labelled bar and a percentage, and the what-if lists with positions.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ItemExplanationPanel } from '@/components/explanations/item-explanation';
import type { ItemExplanation } from '@/lib/recommend/explain/item';
import type { CounterfactualReport } from '@/lib/recommend/explain/service';
import type { ScenarioPreview } from '@/lib/recommend/preview';
import { CounterfactualCard } from './counterfactual-card';
import { ScenarioCard } from './scenario-card';

const product = (productId: string, title: string, position: number) => ({ productId, title, position });

describe('preview explanations markup', () => {
  it('shows every reason with an accessible bar and its percentage, a bury signed', () => {
    const scenario: ScenarioPreview = {
      id: 'for_you',
      label: 'For you',
      description: 'd',
      items: [
        {
          productId: 'p1',
          externalId: 'e1',
          title: 'Linen shirt',
          price: { amountMinor: 1000, currency: 'EUR' },
          url: '/p/e1',
          score: 0.8,
          reasons: [
            { kind: 'collaborative', text: 'Because you liked Socks', contribution: 0.7 },
            { kind: 'popular', text: 'Popular with many shoppers', contribution: 0.45 },
            { kind: 'rule', text: 'Buried by rule: brand = Acme ×0.5', contribution: -0.15 },
          ],
        },
      ],
    };
    const html = renderToStaticMarkup(
      createElement(ScenarioCard, { slug: 'demo', scenario, locale: 'en', contentLocale: 'en' }),
    );
    expect(html).toContain('aria-label="Why Linen shirt: reasons and their share of the score"');
    expect(html).toContain('role="img" aria-label="70% of the score"');
    expect(html).toContain('role="img" aria-label="45% of the score"');
    expect(html).toContain('aria-label="−15% of the score"');
    expect(html.match(/data-reason=/g)).toHaveLength(3);
  });

  it('lists what would leave and enter the list without each interaction', () => {
    const report: CounterfactualReport = {
      scenario: 'for_you',
      placement: null,
      k: 10,
      live: [product('a', 'A', 1), product('b', 'B', 2)],
      changes: [
        {
          removed: { productId: 'h1', title: 'Candle', lastPurchaseAt: '2026-01-05T00:00:00.000Z' },
          left: [product('b', 'B', 2)],
          entered: [product('c', 'C', 9)],
          unchanged: false,
        },
        {
          removed: { productId: 'h2', title: 'Mug', lastPurchaseAt: null },
          left: [],
          entered: [],
          unchanged: true,
        },
      ],
    };
    const html = renderToStaticMarkup(
      createElement(CounterfactualCard, { slug: 'demo', report, locale: 'en', contentLocale: 'en' }),
    );
    expect(html).toContain('Without');
    expect(html).toContain('Candle');
    expect(html).toContain('Leaves position 2: ');
    expect(html).toContain('Enters at position 9: ');
    expect(html).toContain('The list would stay the same.');
    expect(html).toContain('(viewed or carted)');
  });

  it('renders the per-item explanation with its neighbours and ranks', () => {
    const e: ItemExplanation = {
      product: { productId: 'p', externalId: 'e', title: 'Linen shirt' },
      model: { version: 3, trainedAt: null },
      inModel: true,
      neighbours: [{ productId: 'n', title: 'Socks', similarity: 0.82 }],
      boughtTogether: [{ productId: 'b', title: 'Belt', lift: 3.2, confidence: 0.25, orders: 12 }],
      popularity: {
        decayed: { rank: 4, of: 120, halfLifeDays: 14 },
        recent: { rank: null, of: 80, windowDays: 30 },
      },
      embedded: false,
      contentNeighbours: [],
    };
    const html = renderToStaticMarkup(createElement(ItemExplanationPanel, { explanation: e, locale: 'en' }));
    expect(html).toContain('Model version 3');
    expect(html).toContain('#4 of 120');
    expect(html).toContain('No interest');
    expect(html).toContain('aria-label="0.820 similarity"');
    expect(html).toContain('Belt');
    expect(html).toContain('This product has no vector yet');
  });
});
