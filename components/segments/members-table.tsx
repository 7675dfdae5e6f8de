import Link from 'next/link';
import { Table, Td, Th } from '@/components/ui/table';
import { formatMoney, formatNumber } from '@/lib/format';
import type { SegmentMember } from '@/lib/segments/members';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/** One page of members, each linked to their profile, with a pager. */
export function MembersTable({
  slug,
  segmentId,
  members,
  page,
  pages,
  currency,
}: {
  slug: string;
  segmentId: string;
  members: SegmentMember[];
  page: number;
  pages: number;
  currency: string;
}) {
  const pageHref = (p: number) => `/${slug}/segments/${segmentId}?page=${p}`;
  return (
    <div className="space-y-3">
      <Table caption="Members">
        <thead>
          <tr>
            <Th>Shopper</Th>
            <Th>Country</Th>
            <Th className="text-right">Orders</Th>
            <Th className="text-right">Spend</Th>
            <Th>RFM</Th>
            <Th className="text-right">Churn risk</Th>
            <Th className="text-right">Propensity</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.id}>
              <Td>
                <Link
                  href={`/${slug}/shoppers/${m.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {m.name || m.email || m.externalId || m.id.slice(0, 8)}
                </Link>
                {m.name && m.email ? <span className="ml-2 text-xs text-slate-500">{m.email}</span> : null}
              </Td>
              <Td>{m.country ?? '—'}</Td>
              <Td className="text-right tabular-nums">{formatNumber(m.orders)}</Td>
              <Td className="text-right tabular-nums">
                {formatMoney(Math.round(m.monetaryMinor), currency)}
              </Td>
              <Td>{m.rfmSegment?.replaceAll('_', ' ') ?? '—'}</Td>
              <Td className="text-right tabular-nums">{pct(m.churn)}</Td>
              <Td className="text-right tabular-nums">{pct(m.propensity)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {pages > 1 ? (
        <nav aria-label="Members pages" className="flex items-center justify-end gap-3 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 hover:underline">
              Previous
            </Link>
          ) : null}
          <span className="text-slate-600">
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 hover:underline">
              Next
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
