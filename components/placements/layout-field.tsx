import { PLACEMENT_LAYOUTS, type PlacementLayout } from '@/lib/placements/schemas';

const LAYOUTS: Record<PlacementLayout, { label: string; description: string }> = {
  grid: { label: 'Grid', description: 'Rows of product cards; fits home and category pages.' },
  carousel: {
    label: 'Carousel',
    description: 'One scrolling row with previous/next buttons; saves height on product pages.',
  },
  list: { label: 'List', description: 'A compact list with small images; fits carts and sidebars.' },
};

/** A small pictogram of the layout (decorative: the label says it). */
function LayoutIcon({ layout }: { layout: PlacementLayout }) {
  const cells =
    layout === 'grid'
      ? [0, 1, 2, 3, 4, 5].map((i) => ({ x: 2 + (i % 3) * 11, y: 2 + Math.floor(i / 3) * 11, w: 9, h: 9 }))
      : layout === 'carousel'
        ? [0, 1, 2].map((i) => ({ x: 6 + i * 9, y: 6, w: 7, h: 12 }))
        : [0, 1, 2].map((i) => ({ x: 2, y: 2 + i * 8, w: 32, h: 6 }));
  return (
    <svg viewBox="0 0 36 24" className="h-6 w-9 shrink-0 text-slate-500" aria-hidden="true" focusable="false">
      {cells.map((c) => (
        <rect key={`${c.x}-${c.y}`} x={c.x} y={c.y} width={c.w} height={c.h} rx="1.5" fill="currentColor" />
      ))}
      {layout === 'carousel' ? <path d="M3 12l2-2v4zM33 12l-2-2v4z" fill="currentColor" /> : null}
    </svg>
  );
}

/** The widget layout radio group of the placement form (`layout`: grid, carousel or list). */
export function LayoutField({ value, errors }: { value: string; errors?: string[] }) {
  return (
    <fieldset aria-describedby={errors ? 'pl-layout-error' : undefined}>
      <legend className="text-sm font-medium text-slate-800">Widget layout</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-3">
        {PLACEMENT_LAYOUTS.map((id) => (
          <label
            key={id}
            className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-500"
          >
            <input
              type="radio"
              name="layout"
              value={id}
              defaultChecked={value === id}
              aria-describedby={`layout-${id}-hint`}
              className="mt-0.5 accent-brand-600"
            />
            <LayoutIcon layout={id} />
            <span>
              <span className="block text-sm font-medium text-slate-900">{LAYOUTS[id].label}</span>
              <span id={`layout-${id}-hint`} className="block text-xs text-slate-600">
                {LAYOUTS[id].description}
              </span>
            </span>
          </label>
        ))}
      </div>
      {errors ? (
        <p id="pl-layout-error" role="alert" className="mt-1 text-xs text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
