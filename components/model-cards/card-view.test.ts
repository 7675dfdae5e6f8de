// The card's presentational pieces rendered to HTML with a hand-made card: accessible charts with
// table fallbacks, limitations, drift bars and history.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelCardData } from '@/lib/predict/card/types';
import type { DriftRow } from '@/lib/predict/drift/queries';
import { CardDataSection, CardLimitationsSection, CardPartialDependenceSection } from './card-sections';
import { DriftHistory } from './drift-history';

const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;
const dist = { edges: [10], shares: [0.5, 0.5], undefinedShare: 0, mean: 12, n: 100 };

const card: ModelCardData = {
  format: 'tailor.model-card/1',
  kind: 'churn',
  method: 'logistic-gam',
  dataWindow: {
    first: '2024-01-01T00:00:00.000Z',
    asOf: '2025-03-03T00:00:00.000Z',
    end: '2025-06-01T00:00:00.000Z',
    horizonDays: 90,
  },
  population: { shoppers: 100, positives: 30, baseRate: 0.3, countries: [{ country: 'DE', count: 60 }] },
  features: [{ key: 'recencyDays', label: 'Days since last order', unit: 'days' }],
  reference: {
    asOf: '2025-06-01T00:00:00.000Z',
    features: [{ key: 'recencyDays', label: 'Days since last order', unit: 'days', distribution: dist }],
    scores: dist,
  },
  partialDependence: [
    {
      key: 'recencyDays',
      label: 'Days since last order',
      unit: 'days',
      points: [
        { value: 3, mean: 0.2 },
        { value: 40, mean: 0.35 },
        { value: 200, mean: 0.6 },
      ],
      sample: 100,
    },
  ],
  partialDependenceNote: null,
  limitations: [{ code: 'few-shoppers', text: 'Trained on only 100 shoppers.' }],
};

describe('model card view', () => {
  it('draws partial dependence as a named image with a table of its points', () => {
    const html = renderToStaticMarkup(createElement(CardPartialDependenceSection, { card, money }));
    expect(html).toContain('aria-label="Partial dependence per feature"');
    expect(html).toContain(
      'role="img" aria-label="Days since last order: average prediction 20% at 3 days, 60% at 200 days"',
    );
    expect(html).toContain(
      '<caption>Days since last order: average predicted probability per value (100 shoppers)</caption>',
    );
    const noCurves = renderToStaticMarkup(
      createElement(CardPartialDependenceSection, {
        card: { ...card, partialDependence: [], partialDependenceNote: 'No curves for the rule.' },
        money,
      }),
    );
    expect(noCurves).toContain('No curves for the rule.');
  });

  it('states the data window, population and limitations in words', () => {
    const data = renderToStaticMarkup(
      createElement(CardDataSection, {
        card,
        formatDate: (iso: string) => iso.slice(0, 10),
        formatCount: String,
      }),
    );
    expect(data).toContain('2024-01-01 – 2025-06-01');
    expect(data).toContain('100 in the training population; 30 (30%) stopped buying in the horizon');
    expect(data).toContain('DE 60');
    const limits = renderToStaticMarkup(createElement(CardLimitationsSection, { card }));
    expect(limits).toContain('data-limitation="few-shoppers"');
  });

  it('shows the newest drift check as bars and every check in a table', () => {
    const row = {
      id: 'd1',
      tenantId: 't',
      modelId: 'm',
      kind: 'churn',
      computedAt: new Date('2025-06-02T00:00:00Z'),
      asOf: new Date('2025-06-01T00:00:00Z'),
      population: 90,
      scorePsi: 0.04,
      maxFeaturePsi: 0.31,
      status: 'major',
      features: [{ feature: 'recencyDays', label: 'Days since last order', psi: 0.31, status: 'major' }],
      scores: { meanThen: 0.3, meanNow: 0.36 },
      acknowledged: false,
    } satisfies DriftRow;
    const html = renderToStaticMarkup(
      createElement(DriftHistory, {
        rows: [row],
        formatWhen: (d: Date) => d.toISOString().slice(0, 10),
        formatScore: (v: number) => `${Math.round(v * 100)}%`,
        formatCount: String,
      }),
    );
    expect(html).toContain('Major shift');
    expect(html).toContain('mean score 30% in training, 36% now');
    expect(html).toContain('aria-label="Population stability index per feature"');
    expect(html).toContain('0.31 <span class="sr-only">(major)</span>');
    expect(html).toContain('aria-label="Drift checks"');
    expect(
      renderToStaticMarkup(
        createElement(DriftHistory, {
          rows: [],
          formatWhen: String,
          formatScore: String,
          formatCount: String,
        }),
      ),
    ).toContain('Not checked yet');
  });
});
