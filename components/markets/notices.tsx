import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { formatNumber } from '@/lib/format';

/** Orders left out of revenue for want of a rate, with the way to fix it. */
export function MissingRates({
  slug,
  missing,
  currency,
  locale,
}: {
  slug: string;
  missing: readonly { currency: string; orders: number }[];
  currency: string;
  locale: string;
}) {
  if (missing.length === 0) return null;
  const list = missing.map((m) => `${m.currency} (${formatNumber(m.orders, locale)} orders)`).join(', ');
  return (
    <div
      role="note"
      className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <p>
        Revenue leaves out orders in currencies without an exchange rate into {currency}: {list}. Their orders
        are still counted.{' '}
        <Link href={`/${slug}/settings/currency`} className="font-medium underline">
          Set exchange rates
        </Link>
      </p>
    </div>
  );
}

/** No orders or sessions in the period: what to do next. */
export function MarketsEmpty({ slug, hasAnyData }: { slug: string; hasAnyData: boolean }) {
  return (
    <EmptyState
      title={hasAnyData ? 'No orders or visits in this period' : 'No orders or visits yet'}
      action={
        hasAnyData ? (
          <Link href={`/${slug}/markets`} className={buttonClass('primary')}>
            Show the latest 90 days
          </Link>
        ) : (
          <div className="flex flex-wrap justify-center gap-3">
            <Link href={`/${slug}/import`} className={buttonClass('primary')}>
              Import orders
            </Link>
            <Link href={`/${slug}/install`} className={buttonClass('secondary')}>
              Install the storefront snippet
            </Link>
          </div>
        )
      }
    >
      <p>
        Markets compares countries and languages by their shoppers, orders, revenue and conversion. It needs
        orders with a country (or shoppers with one) and storefront events with a session.
      </p>
    </EmptyState>
  );
}
