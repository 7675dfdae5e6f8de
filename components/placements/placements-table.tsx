import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { Placement } from '@/lib/placements/service';
import { describeRules } from '@/lib/recommend/rules/describe';
import { SCENARIOS } from '@/lib/recommend/scenarios';
import { PlacementRowActions } from './row-actions';

/** The workspace's placements with their rules in plain sentences. */
export function PlacementsTable({
  slug,
  placements,
  locale,
  currency,
  canWrite,
  segmentNames = {},
}: {
  slug: string;
  placements: Placement[];
  /** Workspace locale: the rule sentences are written in it. */
  locale: string;
  currency: string;
  canWrite: boolean;
  /** Segment id → name, for audience rules. */
  segmentNames?: Record<string, string>;
}) {
  return (
    <Table caption="Placements">
      <thead>
        <tr>
          <Th>Placement</Th>
          <Th>Scenario</Th>
          <Th className="text-right">Products</Th>
          <Th>Status</Th>
          <Th>Rules</Th>
          {canWrite ? (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {placements.map((p) => (
          <tr key={p.id} className="align-top">
            {/* Name and scenario wrap, so the row's actions stay in view on a laptop screen. */}
            <Td className="min-w-40 whitespace-normal">
              {canWrite ? (
                <Link
                  href={`/${slug}/placements/${p.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {p.name}
                </Link>
              ) : (
                <span className="font-medium text-slate-900">{p.name}</span>
              )}
              <div className="font-mono text-xs text-slate-500">{p.key}</div>
            </Td>
            <Td className="whitespace-normal">{SCENARIOS[p.scenario]?.label ?? p.scenario}</Td>
            <Td className="text-right tabular-nums">{p.count}</Td>
            <Td>
              {p.status === 'active' ? (
                <Badge color="green">Active</Badge>
              ) : (
                <Badge color="amber">Paused</Badge>
              )}
            </Td>
            <Td className="whitespace-normal">
              <ul className="min-w-56 list-disc space-y-0.5 pl-4 text-xs text-slate-600">
                {describeRules(p.rules, locale, { currency, segmentName: (id) => segmentNames[id] }).map(
                  (s) => (
                    <li key={s}>{s}</li>
                  ),
                )}
              </ul>
            </Td>
            {canWrite ? (
              <Td>
                <PlacementRowActions slug={slug} id={p.id} name={p.name} status={p.status} />
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
