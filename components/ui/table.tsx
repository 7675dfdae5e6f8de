import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/**
 * A table in a horizontally scrollable region that keyboard users can focus and scroll. Relative, so
 * visually hidden (absolute) text in a cell scrolls with the table instead of widening the page.
 * `dense` narrows the cells' side padding: for tables of many figures that should fit a laptop.
 */
export function Table({
  caption,
  dense = false,
  children,
}: {
  caption?: string;
  dense?: boolean;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="relative overflow-x-auto" aria-label={caption ?? 'Table'} tabIndex={0}>
      <table
        className={`min-w-full divide-y divide-slate-200 text-sm ${dense ? '[&_td]:px-2 [&_th]:px-2' : ''}`}
      >
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </section>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={`px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 ${className}`}
      {...props}
    />
  );
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  const wrap = /whitespace-/.test(className) ? '' : 'whitespace-nowrap';
  return <td className={`${wrap} px-3 py-2.5 text-slate-700 ${className}`} {...props} />;
}
