// The prediction fairness pieces rendered to HTML: the headline, the chart's four-fifths line, the
// per-group table with its "too few to judge" marks, and the before/after mitigation table.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { groupMetrics, parityGaps, type ScoredMember } from '@/lib/fairness/predictions/metrics';
import type { GroupingReport } from '@/lib/fairness/predictions/report';
import { mitigate } from '@/lib/fairness/predictions/thresholds';
import { ParityChart } from './predictions-chart';
import { PredictionGrouping } from './predictions-grouping';

function group(name: string, n: number, sel: number, pos: number): ScoredMember[] {
  return Array.from({ length: n }, (_, i) => ({
    group: name,
    score: i < sel ? 0.9 - i / 1000 : 0.1 + i / 1000,
    label: i < pos ? 1 : 0,
  }));
}

const members = [...group('DE', 50, 14, 10), ...group('FR', 50, 10, 10), ...group('PT', 8, 4, 2)];
const groups = groupMetrics(members, 0.5);
const grouping: GroupingReport = {
  key: 'country',
  label: 'Country',
  sensitive: false,
  groups,
  gaps: parityGaps(groups),
  mitigation: mitigate(members, 'selection_rate', 0.5),
};

describe('PredictionGrouping', () => {
  it('renders the headline, the per-group table and the mitigation table', () => {
    const html = renderToStaticMarkup(
      createElement(PredictionGrouping, { kind: 'churn', grouping, num: String }),
    );
    expect(html).toContain(
      'Shoppers in DE are flagged at risk 1.4× as often as shoppers in FR (28% vs 20%).',
    );
    expect(html).toContain('<caption class="sr-only">Parity by country</caption>');
    expect(html).toMatch(/PT <span[^>]*>too few to judge<\/span>/);
    expect(html).toContain('Mitigation by country: one threshold vs per-group thresholds');
    expect(html).toContain('below 4/5');
  });
});

describe('ParityChart', () => {
  it('draws the four-fifths line at 80 % of the highest judgeable selection rate', () => {
    const html = renderToStaticMarkup(createElement(ParityChart, { groups, label: 'By country' }));
    // DE 28 % is the highest judgeable rate (PT's 50 % is too small to count): the line sits at 22 %.
    expect(html).toContain('four-fifths line at 22%');
    expect(html).toContain('role="img"');
    expect(html).toContain('PT selection 50%, TPR 100% (too few to judge)');
  });
});
