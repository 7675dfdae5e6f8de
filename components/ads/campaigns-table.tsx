import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate, formatNumber } from '@/lib/format';
import type { CampaignSummary } from '@/lib/ads/views';
import { CAMPAIGN_STATUS, CHANNEL_LABELS, OBJECTIVE_LABELS } from './present';

function dates(c: CampaignSummary): string {
  if (!c.startsOn && !c.endsOn) return 'No dates';
  return `${c.startsOn ? formatDate(c.startsOn) : 'now'} – ${c.endsOn ? formatDate(c.endsOn) : 'open'}`;
}

/** The campaigns of a workspace: status, audience, channels, languages and creatives per status. */
export function CampaignsTable({ slug, campaigns }: { slug: string; campaigns: readonly CampaignSummary[] }) {
  return (
    <Table caption="Campaigns">
      <thead>
        <tr>
          <Th>Campaign</Th>
          <Th>Status</Th>
          <Th>Segments</Th>
          <Th>Channels</Th>
          <Th>Languages</Th>
          <Th className="text-right">Approved</Th>
          <Th className="text-right">To review</Th>
          <Th>Dates</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {campaigns.map((c) => {
          const status = CAMPAIGN_STATUS[c.status];
          return (
            <tr key={c.id}>
              <Td className="whitespace-normal">
                <Link href={`/${slug}/ads/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <span className="block text-xs text-slate-500">{OBJECTIVE_LABELS[c.objective]}</span>
              </Td>
              <Td>
                <Badge color={status.tone}>{status.text}</Badge>
              </Td>
              <Td className="max-w-56 whitespace-normal">
                {c.segmentNames.length ? c.segmentNames.join(', ') : 'All shoppers'}
              </Td>
              <Td className="whitespace-normal">{c.channels.map((ch) => CHANNEL_LABELS[ch]).join(', ')}</Td>
              <Td>{c.locales.join(', ')}</Td>
              <Td className="text-right tabular-nums">{formatNumber(c.counts.approved)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(c.counts.candidate)}</Td>
              <Td>{dates(c)}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
