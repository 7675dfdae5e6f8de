// The channel previews, guardrail list and interval chart rendered to HTML: what a merchant reads
// in the gallery must be the creative's own text, failures with their reasons, passes folded.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DroppedCandidates, GuardrailResults } from './guardrail-results';
import { IntervalChart } from './interval-chart';
import { CreativePreview } from './preview/creative-preview';

const render = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('channel previews', () => {
  it('shows a search ad as its first three headlines joined by " | ", the display URL and descriptions', () => {
    const html = render(
      createElement(CreativePreview, {
        channel: 'google-rsa',
        fields: {
          headlines: ['Oxford shirts', 'Now €49.00', 'Acme Outfitters', 'Fourth headline'],
          descriptions: ['Crisp cotton shirts for work.', 'Free returns on every order.', 'Third'],
        },
        brandName: 'Acme',
        url: 'https://www.acme.example/shirts/oxford',
        imageUrl: null,
      }),
    );
    expect(text(html)).toContain('Oxford shirts | Now €49.00 | Acme Outfitters');
    expect(html).not.toContain('Fourth headline');
    expect(text(html)).toContain('acme.example/shirts');
    expect(text(html)).toContain('Crisp cotton shirts for work. Free returns on every order.');
    expect(html).not.toContain('Third');
  });

  it('shows a Meta post with the brand as page, primary text, an image placeholder, headline and CTA', () => {
    const html = render(
      createElement(CreativePreview, {
        channel: 'meta',
        fields: { primaryText: ['Warm coats for cold days.'], headline: ['Wool coats'] },
        brandName: 'Acme',
        url: null,
        imageUrl: null,
      }),
    );
    const t = text(html);
    for (const part of [
      'Acme',
      'Sponsored',
      'Warm coats for cold days.',
      'Product image',
      'Wool coats',
      'Shop now',
    ])
      expect(t).toContain(part);
    const withImage = render(
      createElement(CreativePreview, {
        channel: 'meta',
        fields: { primaryText: ['x'], headline: ['y'] },
        brandName: null,
        url: null,
        imageUrl: 'https://cdn.example/coat.jpg',
      }),
    );
    expect(withImage).toContain('src="https://cdn.example/coat.jpg"');
    expect(text(withImage)).not.toContain('Product image');
  });

  it('shows an email as sender, subject and preheader, and a banner as headline and button', () => {
    const email = text(
      render(
        createElement(CreativePreview, {
          channel: 'email',
          fields: { subject: ['We miss you'], preheader: ['Your favourites are back'] },
          brandName: 'Acme',
          url: null,
          imageUrl: null,
        }),
      ),
    );
    expect(email).toContain('Acme We miss you — Your favourites are back');
    const banner = text(
      render(
        createElement(CreativePreview, {
          channel: 'banner',
          fields: { headline: ['New in: linen'], cta: ['Shop linen'] },
          brandName: null,
          url: null,
          imageUrl: null,
        }),
      ),
    );
    expect(banner).toContain('New in: linen Shop linen');
  });
});

describe('guardrail results', () => {
  it('lists failures with their reason and field, and folds the passed checks', () => {
    const html = render(
      createElement(GuardrailResults, {
        checks: [
          { check: 'fields', passed: true },
          { check: 'length', passed: false, reason: '34 of 30 characters', field: 'headlines[2]' },
          { check: 'banned_words', passed: true },
        ],
      }),
    );
    expect(text(html)).toContain('✗ Within the channel’s length limits · headlines[2] 34 of 30 characters');
    expect(html).toMatch(/<details[^>]*><summary[^>]*>✓ 2 checks passed<\/summary>/);
  });

  it('keeps dropped candidates folded with their failures', () => {
    const html = render(
      createElement(DroppedCandidates, {
        dropped: [
          {
            fields: { headline: ['Best price guaranteed'], cta: ['Buy'] },
            failed: [{ check: 'catalog_facts', passed: false, reason: '“best price” is not a catalog fact' }],
          },
        ],
      }),
    );
    expect(html.startsWith('<details')).toBe(true);
    expect(text(html)).toContain('1 dropped candidate of this slot');
    expect(text(html)).toContain('Best price guaranteed');
    expect(text(html)).toContain('“best price” is not a catalog fact');
    expect(render(createElement(DroppedCandidates, { dropped: [] }))).toBe('');
  });
});

describe('interval chart', () => {
  it('draws each estimate with its interval and repeats the figures in a table', () => {
    const html = render(
      createElement(IntervalChart, {
        label: 'CTR per arm',
        data: [
          { label: 'A', value: 0.02, low: 0.015, high: 0.026, accent: true },
          { label: 'B', value: 0.031, low: 0.024, high: 0.039 },
        ],
        format: (v: number) => `${(v * 100).toFixed(1)} %`,
      }),
    );
    expect(html).toContain('aria-label="CTR per arm"');
    expect(html.match(/<circle/g)?.length).toBe(2);
    expect(text(html)).toContain('B 3.1 % 2.4 % to 3.9 %');
  });

  it('draws a zero line when lifts cross zero', () => {
    const html = render(
      createElement(IntervalChart, {
        label: 'Lift',
        data: [{ label: 'B', value: 0.1, low: -0.05, high: 0.25 }],
        format: (v: number) => v.toFixed(2),
      }),
    );
    expect(html).toContain('stroke-dasharray="3 3"');
  });
});
