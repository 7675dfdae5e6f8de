import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart';

const data = ['d1', 'd2', 'd3', 'd4'].map((label, i) => ({ label, value: 10 + i, line: i + 1 }));
const render = (partial?: { label: string; note: string }[]) =>
  renderToStaticMarkup(
    createElement(BarChart, {
      data,
      label: 'Per day',
      formatValue: String,
      line: { label: 'Orders', format: String },
      partial,
    }),
  );

describe('BarChart partial days', () => {
  it('draws partial first and last days lighter, names them, and dashes the line into them', () => {
    const html = render([
      { label: 'd1', note: 'from 7:40 AM' },
      { label: 'd4', note: 'so far' },
    ]);
    expect(html.match(/fill-brand-500\/35/g)).toHaveLength(2);
    expect(html).toContain('<td>d1 (from 7:40 AM)</td>');
    expect(html).toContain('<td>d4 (so far)</td>');
    expect(html).toContain('<td>d2</td>');
    expect(html).toContain('Part of a day');
    const lines = [...html.matchAll(/<polyline[^>]*>/g)].map((m) => m[0]);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => /points="([^"]*)"/.exec(l)?.[1]?.split(' ').length)).toEqual([2, 2, 2]);
    expect(lines.map((l) => l.includes('stroke-dasharray'))).toEqual([false, true, true]);
  });

  it('draws every day alike without partial days', () => {
    const html = render();
    expect(html).not.toContain('fill-brand-500/35');
    expect(html).not.toContain('Part of a day');
    expect(html).not.toContain('stroke-dasharray');
    expect(html.match(/<polyline points="([^"]*)"/)?.[1]?.split(' ')).toHaveLength(4);
  });
});
