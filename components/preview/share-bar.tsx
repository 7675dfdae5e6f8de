import { percentOf } from '@/components/catalog/present';
import { contributionShare } from './present';

/**
 * A reason's (or a similarity's) share as a small horizontal bar with its percentage. The bar is
 * an image for screen readers (`role="img"` with the label, e.g. "42 % of the score"), so the
 * number is read once, not the drawing. A negative share (a bury) is red and signed.
 */
export function ShareBar({
  value,
  locale,
  label,
  text: shown,
  className = '',
}: {
  /** −1..1 (values outside are clamped for the bar; the text shows the real number). */
  value: number;
  locale: string;
  /** What the share is of, for screen readers: "of the score". */
  label: string;
  /** The number shown instead of a percentage (e.g. a similarity "0.82"). */
  text?: string;
  className?: string;
}) {
  const share = contributionShare(value);
  const negative = value < 0;
  const text = shown ?? `${negative ? '−' : ''}${percentOf(Math.abs(value), locale)}`;
  return (
    <span className={`flex items-center gap-2 ${className}`}>
      <span
        role="img"
        aria-label={`${text} ${label}`}
        className="block h-1.5 w-20 shrink-0 overflow-hidden rounded-full bg-slate-100"
      >
        <span
          className={`block h-1.5 rounded-full ${negative ? 'bg-red-500' : 'bg-brand-600'}`}
          style={{ width: `${Math.max(share > 0 ? 2 : 0, Math.round(share * 100))}%` }}
        />
      </span>
      <span className="w-12 shrink-0 text-right tabular-nums text-slate-600" aria-hidden="true">
        {text}
      </span>
    </span>
  );
}
