import type { ReactNode } from 'react';

/** Column widths of a bar row (whole class names, so the stylesheet has them). */
const COLUMNS = {
  /** Label up to 14rem, a short figure. */
  narrow: 'grid-cols-[minmax(8rem,14rem)_1fr_3.5rem]',
  /** Label up to 16rem, a short figure. */
  wide: 'grid-cols-[minmax(8rem,16rem)_1fr_3.5rem]',
  /** Label up to 14rem, a figure with a word after it. */
  longFigure: 'grid-cols-[minmax(8rem,14rem)_1fr_5.5rem]',
} as const;

/**
 * One row of a labelled horizontal bar chart kept as a list (`<ul aria-label=…>` around the rows),
 * so each row reads "label … figure" to screen readers: the label, a decorative track holding the
 * caller's bar(s), and the figure. The track is positioned, for bars placed from a centre line or
 * threshold marks.
 */
export function BarRow({
  label,
  figure,
  columns = 'narrow',
  children,
}: {
  label: ReactNode;
  figure: ReactNode;
  columns?: keyof typeof COLUMNS;
  /** The bar(s) inside the track. */
  children: ReactNode;
}) {
  return (
    <li className={`grid ${COLUMNS[columns]} items-center gap-3 text-xs`}>
      <span className="text-slate-700">{label}</span>
      <span aria-hidden="true" className="relative h-2.5 rounded-full bg-slate-100">
        {children}
      </span>
      <span className="text-right tabular-nums text-slate-800">{figure}</span>
    </li>
  );
}
