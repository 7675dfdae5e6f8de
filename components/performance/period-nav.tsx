import Link from 'next/link';
import { PERIODS, type PeriodDays } from '@/lib/attribution/schemas';

/** Period links (7/30/90 days): plain links, so the keyboard, history and sharing just work. */
export function PeriodNav({ slug, current }: { slug: string; current: PeriodDays }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-md shadow-sm ring-1 ring-slate-300">
      {PERIODS.map((d, i) => (
        <Link
          key={d}
          href={`/${slug}/performance?period=${d}`}
          aria-current={d === current ? 'page' : undefined}
          className={`px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
            i === 0 ? 'rounded-l-md' : ''
          } ${i === PERIODS.length - 1 ? 'rounded-r-md' : ''} ${
            d === current ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'
          }`}
        >
          Last {d} days
        </Link>
      ))}
    </nav>
  );
}
