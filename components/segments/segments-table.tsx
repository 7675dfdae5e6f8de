import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatNumber } from '@/lib/format';
import type { SegmentSummary } from '@/lib/segments/service';
import { KIND_LABELS } from './present';
import { Sparkline } from './sparkline';

const KIND_COLOR = { rules: 'blue', rfm: 'amber', cluster: 'green' } as const;

/** Segments with kind, live size, 30-day trend and a CSV link. */
export function SegmentsTable({ slug, segments }: { slug: string; segments: SegmentSummary[] }) {
  return (
    <Table caption="Segments">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th className="text-right">Shoppers</Th>
          <Th>Last 30 days</Th>
          <Th>
            <span className="sr-only">Export</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {segments.map((s) => (
          <tr key={s.id}>
            <Td className="whitespace-normal">
              <Link href={`/${slug}/segments/${s.id}`} className="font-medium text-brand-700 hover:underline">
                {s.name}
              </Link>
              {s.description ? (
                <p className="mt-0.5 max-w-md text-xs text-slate-500">{s.description}</p>
              ) : null}
            </Td>
            <Td>
              <Badge color={KIND_COLOR[s.kind]}>{KIND_LABELS[s.kind]}</Badge>
            </Td>
            <Td className="text-right tabular-nums">
              {s.size === null ? (
                <span className="text-amber-800">rules need fixing</span>
              ) : (
                formatNumber(s.size)
              )}
            </Td>
            <Td>
              <Sparkline points={s.trend} label={`Size of ${s.name}`} />
            </Td>
            <Td className="text-right">
              <a
                href={`/${slug}/segments/${s.id}/members.csv`}
                className="text-sm text-brand-700 hover:underline"
                download
              >
                CSV<span className="sr-only"> of {s.name}</span>
              </a>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
