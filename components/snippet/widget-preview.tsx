import type { CSSProperties } from 'react';

export interface LookValues {
  accent: string;
  text: string;
  background: string;
  font: string;
  radius: string;
  defaultTitle: string;
}

const COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const FONT = /^[A-Za-z0-9 ,'"_-]+$/;

/**
 * One widget card drawn by React with the same custom properties and defaults as the snippet's
 * stylesheet (lib/snippet/client/styles.ts); values the server would refuse are ignored here too.
 */
export function WidgetPreview({ look, price }: { look: LookValues; price: string }) {
  const radius = Number(look.radius);
  const vars = {
    '--t-accent': COLOUR.test(look.accent) ? look.accent : '#1f6feb',
    '--t-text': COLOUR.test(look.text) ? look.text : '#1f2328',
    '--t-bg': COLOUR.test(look.background) ? look.background : 'transparent',
    '--t-font': FONT.test(look.font) ? look.font : 'system-ui, sans-serif',
    '--t-radius':
      look.radius !== '' && Number.isInteger(radius) && radius >= 0 && radius <= 24 ? `${radius}px` : '8px',
  } as CSSProperties;
  const r = 'var(--t-radius)';
  return (
    <figure aria-label="Widget preview" className="space-y-2">
      <div
        style={{
          ...vars,
          font: '14px/1.4 var(--t-font)',
          color: 'var(--t-text)',
          background: 'var(--t-bg)',
          padding: '8px',
          borderRadius: 8,
        }}
        className="ring-1 ring-slate-200"
      >
        <p style={{ fontSize: '1.15em', fontWeight: 700, margin: '0 0 8px' }}>
          {look.defaultTitle.trim() || 'Recommended for you'}
        </p>
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            gap: 4,
            padding: 6,
            width: 160,
            borderRadius: r,
          }}
        >
          <div
            aria-hidden="true"
            style={{
              aspectRatio: '1',
              borderRadius: r,
              background: 'linear-gradient(135deg, #e2e8f0, #cbd5e1)',
            }}
          />
          <span>Linen shirt</span>
          <span style={{ color: 'var(--t-accent)', fontWeight: 600 }}>{price}</span>
        </div>
      </div>
      <figcaption className="text-xs text-slate-600">
        A preview of one product card; the storefront shows your real products in the placement’s layout.
      </figcaption>
    </figure>
  );
}
