import { Badge } from '@/components/ui/card';
import { ConfirmForm } from '@/components/ui/confirm-form';
import { Table, Td, Th } from '@/components/ui/table';
import { removeRateAction } from '@/lib/currency/actions';
import type { CurrencyRateLine } from '@/lib/currency/service';
import { formatDateTime, formatNumber } from '@/lib/format';

/** Every currency the workspace uses, with its rate or "Missing"; removal for those who may edit. */
export function RatesTable({
  slug,
  base,
  lines,
  canEdit,
  locale,
}: {
  slug: string;
  base: string;
  lines: readonly CurrencyRateLine[];
  canEdit: boolean;
  locale: string;
}) {
  const rate = new Intl.NumberFormat(locale, { maximumSignificantDigits: 10 });
  return (
    <Table caption="Exchange rates">
      <thead>
        <tr>
          <Th>Currency</Th>
          <Th className="text-right">Rate</Th>
          <Th className="text-right">Orders</Th>
          <Th className="text-right">Products</Th>
          <Th>Updated</Th>
          {canEdit ? <Th className="text-right">Actions</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {lines.map((l) => (
          <tr key={l.currency}>
            <Td className="font-medium text-slate-900">{l.currency}</Td>
            <Td className="text-right tabular-nums">
              {l.rate === null ? (
                <Badge color="amber">Missing</Badge>
              ) : (
                `1 ${l.currency} = ${rate.format(l.rate)} ${base}`
              )}
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(l.orders, locale)}</Td>
            <Td className="text-right tabular-nums">{formatNumber(l.products, locale)}</Td>
            <Td>{l.updatedAt ? formatDateTime(l.updatedAt, locale) : '—'}</Td>
            {canEdit ? (
              <Td className="text-right">
                {l.rate === null ? null : (
                  <ConfirmForm
                    action={removeRateAction}
                    fields={{ tenant: slug, currency: l.currency }}
                    label="Remove"
                    accessibleLabel={`Remove the ${l.currency} rate`}
                    question={`Remove the ${l.currency} rate? Its orders leave the revenue.`}
                    confirmLabel="Remove rate"
                    pendingText="Removing…"
                  />
                )}
              </Td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
