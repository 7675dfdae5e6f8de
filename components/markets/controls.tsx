import Link from 'next/link';
import type { MarketsPeriod } from '@/lib/markets/service';
import type { MarketBy } from '@/lib/markets/service';
import { MARKET_PERIODS } from '@/lib/markets/schemas';
import { type MarketsQuery, marketsHref, shiftDay } from './links';

const segment = (on: boolean, first: boolean, last: boolean) =>
  `px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${
    first ? 'rounded-l-md' : ''
  } ${last ? 'rounded-r-md' : ''} ${on ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`;
const group = 'inline-flex rounded-md shadow-sm ring-1 ring-slate-300';

/**
 * Country/locale toggle, period length, and earlier/later steps: plain links, so the keyboard,
 * history and sharing just work. `market` keeps a detail page on its market.
 */
export function MarketsControls({
  slug,
  query,
  period,
  market,
}: {
  slug: string;
  query: MarketsQuery & { by: MarketBy; days: number };
  period: MarketsPeriod;
  market?: string;
}) {
  const href = (q: MarketsQuery) => marketsHref(slug, { ...query, ...q }, market);
  const later = shiftDay(period.end, query.days);
  const canLater = period.latest !== null && period.end < period.latest;
  const laterEnd = period.latest !== null && later >= period.latest ? undefined : later;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {market ? null : (
        <nav aria-label="Group markets by" className={group}>
          {(['country', 'locale'] as const).map((by, i) => (
            <Link
              key={by}
              href={href({ by })}
              aria-current={query.by === by ? 'page' : undefined}
              className={segment(query.by === by, i === 0, i === 1)}
            >
              {by === 'country' ? 'By country' : 'By language'}
            </Link>
          ))}
        </nav>
      )}
      <nav aria-label="Period length" className={group}>
        {MARKET_PERIODS.map((d, i) => (
          <Link
            key={d}
            href={href({ days: d })}
            aria-current={query.days === d ? 'page' : undefined}
            className={segment(query.days === d, i === 0, i === MARKET_PERIODS.length - 1)}
          >
            {d} days
          </Link>
        ))}
      </nav>
      <nav aria-label="Move the period" className={group}>
        <Link href={href({ end: shiftDay(period.end, -query.days) })} className={segment(false, true, false)}>
          ← Earlier
        </Link>
        {canLater ? (
          <Link href={href({ end: laterEnd })} className={segment(false, false, false)}>
            Later →
          </Link>
        ) : (
          <span aria-disabled="true" className="bg-slate-50 px-3 py-1.5 text-sm font-medium text-slate-500">
            Later →
          </span>
        )}
        <Link href={href({ end: undefined })} className={segment(false, false, true)}>
          Latest
        </Link>
      </nav>
    </div>
  );
}
