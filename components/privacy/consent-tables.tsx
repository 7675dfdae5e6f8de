import { PRIVACY_PURPOSES } from '@/db/schema';
import { Table, Td, Th } from '@/components/ui/table';
import type { ConsentRates } from '@/lib/consent/service';
import { formatNumber } from '@/lib/format';
import { PURPOSE_HELP, PURPOSE_LABELS, SOURCE_LABELS, percent } from './consent-present';

/** Shoppers per purpose by current decision; "undecided" follows the workspace's mode. */
export function ConsentTotalsTable({
  totals,
  mode,
}: {
  totals: ConsentRates['totals'];
  mode: ConsentRates['mode'];
}) {
  return (
    <Table caption="Current consent per purpose">
      <thead>
        <tr>
          <Th>Purpose</Th>
          <Th className="text-right">Granted</Th>
          <Th className="text-right">Denied</Th>
          <Th className="text-right">Undecided</Th>
          <Th className="text-right">Allowed now</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {PRIVACY_PURPOSES.map((p) => {
          const t = totals[p];
          const all = t.granted + t.denied + t.unknown;
          const allowed = t.granted + (mode === 'opt_out' ? t.unknown : 0);
          return (
            <tr key={p}>
              <Td className="whitespace-normal">
                <span className="font-medium text-slate-900">{PURPOSE_LABELS[p]}</span>
                <span className="block text-xs text-slate-600">{PURPOSE_HELP[p]}</span>
              </Td>
              <Td className="text-right tabular-nums">{formatNumber(t.granted)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(t.denied)}</Td>
              <Td className="text-right tabular-nums">{formatNumber(t.unknown)}</Td>
              <Td className="text-right tabular-nums">{all > 0 ? percent(allowed / all) : '—'}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** Current decisions by where they came from. */
export function ConsentSourceTable({ rows }: { rows: ConsentRates['bySource'] }) {
  return (
    <Table caption="Current consent decisions by source">
      <thead>
        <tr>
          <Th>Source</Th>
          <Th>Purpose</Th>
          <Th className="text-right">Granted</Th>
          <Th className="text-right">Denied</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={`${r.source}:${r.purpose}`}>
            <Td>{SOURCE_LABELS[r.source] ?? r.source}</Td>
            <Td>{PURPOSE_LABELS[r.purpose]}</Td>
            <Td className="text-right tabular-nums">{formatNumber(r.granted)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(r.denied)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
