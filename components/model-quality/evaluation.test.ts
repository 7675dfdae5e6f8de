// The evaluation's presentational pieces rendered to HTML: order, highlight, intervals, charts.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EvaluationRow } from '@/lib/recommend/eval/evaluate';
import { EvaluationBreakdown } from './evaluation-breakdown';
import { EvaluationCharts } from './evaluation-charts';
import { EvaluationTable } from './evaluation-table';

function row(model: string, ndcg: number): EvaluationRow {
  const metrics = {
    hr10: ndcg * 3,
    recall10: ndcg * 2,
    recall20: ndcg * 2.5,
    ndcg10: ndcg,
    map10: ndcg * 0.7,
    coverage: 0.5,
    novelty: 4.25,
    popularityBias: 0.6,
  };
  const ci = Object.fromEntries(
    Object.entries(metrics)
      .filter(([k]) => k !== 'coverage')
      .map(([k, v]) => [k, [v - 0.007, v + 0.007] as const]),
  ) as EvaluationRow['ci'];
  return {
    model,
    metrics,
    ci,
    breakdown: [
      { label: '1-2', shoppers: 12, metrics: { ...metrics, ndcg10: ndcg / 2 } },
      { label: '3-5', shoppers: 0, metrics },
      { label: '6+', shoppers: 40, metrics },
    ],
  };
}

const rows = [row('most-popular', 0.04), row('ease', 0.08), row('hybrid', 0.0812)];

describe('evaluation components', () => {
  it('lists the hybrid first and highlighted, with each interval under its figure', () => {
    const html = renderToStaticMarkup(createElement(EvaluationTable, { rows, caption: 'Eval, all items' }));
    const order = [...html.matchAll(/data-model="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['hybrid', 'most-popular', 'ease']);
    expect(html).toMatch(/<tr class="bg-amber-50" data-model="hybrid">/);
    expect(html).toMatch(/<tr data-model="ease">/);
    expect(html).toContain('0.081');
    expect(html).toContain('[0.074, 0.088]');
    expect(html).toContain('>4.25<');
    // Coverage has no interval: eight metric cells per row, seven intervals.
    const hybridRow = html.slice(
      html.indexOf('data-model="hybrid"'),
      html.indexOf('data-model="most-popular"'),
    );
    expect(hybridRow.match(/<td/g)).toHaveLength(8);
    expect(hybridRow.match(/95% CI/g)).toHaveLength(7);
  });

  it('draws one chart per metric with a Model column and the hybrid bar in the accent colour', () => {
    const html = renderToStaticMarkup(createElement(EvaluationCharts, { rows, protocolLabel: 'all items' }));
    expect(html.match(/<svg/g)).toHaveLength(8);
    expect(html).toContain('aria-label="NDCG@10 per model (all items)"');
    expect(html).toContain('<th scope="col">Model</th>');
    expect(html).not.toContain('<th scope="col">Day</th>');
    expect(html.match(/fill-amber-500/g)).toHaveLength(8);
    expect(html).toContain('<title>hybrid: 0.081</title>');
    // Axis labels are short names; the tooltips and the table keep the CLI's.
    expect(html).toContain('>EASE<');
    expect(html).toContain('>popular<');
    expect(html).toContain('<td>most-popular</td>');
  });

  it('breaks NDCG and HR down by shopper activity, with a dash for an empty group', () => {
    const html = renderToStaticMarkup(
      createElement(EvaluationBreakdown, {
        rows,
        caption: 'By activity',
        formatCount: (n: number) => `${n}`,
      }),
    );
    expect(html).toContain('1-2 interactions · 12 shoppers');
    expect(html).toContain('3-5 interactions · 0 shoppers');
    expect(html).toContain('0.041'); // the hybrid's NDCG@10 among shoppers with 1–2 interactions
    expect(html).toContain('>–<');
  });
});
