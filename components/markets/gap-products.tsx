import Link from 'next/link';
import { Table, Td, Th } from '@/components/ui/table';
import type { GapProductView } from '@/lib/markets/service';
import { formatNumber, pct } from './present';

/** Products that sell in `here` and (almost) not in `there`, linked to their product pages. */
export function GapProducts({
  slug,
  items,
  here,
  there,
  locale,
}: {
  slug: string;
  items: readonly GapProductView[];
  here: string;
  there: string;
  locale: string;
}) {
  const caption = `Sells in ${here}, hardly in ${there}`;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{caption}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No product passes the thresholds.</p>
      ) : (
        <Table caption={caption}>
          <thead>
            <tr>
              <Th>Product</Th>
              <Th className="text-right">Orders in {here}</Th>
              <Th className="text-right">Share in {here}</Th>
              <Th className="text-right">Share in {there}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((g) => (
              <tr key={g.key}>
                <Td className="whitespace-normal">
                  <Link href={`/${slug}/products/${g.key}`} className="font-medium text-brand-700 underline">
                    {g.title}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">{formatNumber(g.ordersHere, locale)}</Td>
                <Td className="text-right tabular-nums">{pct(g.shareHere, locale, 1)}</Td>
                <Td className="text-right tabular-nums">{pct(g.shareThere, locale, 1)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
