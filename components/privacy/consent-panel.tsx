import { Badge, Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { getShopperConsent } from '@/lib/consent/service';
import { formatDateTime } from '@/lib/format';
import type { TenantContext } from '@/lib/tenant/context';
import { PURPOSE_LABELS, SOURCE_LABELS } from './consent-present';

/** The latest history entries shown on the profile (the API returns up to 200). */
const HISTORY_ROWS = 20;

/**
 * The consent panel of a shopper's profile: the decision per purpose with its source and policy
 * version (or the workspace default when undecided), and the history of decisions, newest first.
 */
export async function ShopperConsentPanel({
  ctx,
  shopperId,
  locale,
  timeZone,
}: {
  ctx: TenantContext;
  shopperId: string;
  locale: string;
  timeZone: string;
}) {
  const consent = await getShopperConsent(await getDb(), ctx, shopperId);
  if (!consent) return null;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, timeZone) : '—');
  return (
    <Card
      title="Consent"
      description={`Undecided purposes follow the workspace default (${consent.mode === 'opt_in' ? 'opt-in: denied' : 'opt-out: granted'}).`}
    >
      <div className="space-y-5" data-testid="consent-panel">
        <Table caption="Consent per purpose">
          <thead>
            <tr>
              <Th>Purpose</Th>
              <Th>Decision</Th>
              <Th>Source</Th>
              <Th>Policy version</Th>
              <Th>Since</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {consent.purposes.map((p) => (
              <tr key={p.purpose} data-purpose={p.purpose}>
                <Td className="font-medium text-slate-900">{PURPOSE_LABELS[p.purpose]}</Td>
                <Td>
                  {p.granted === null ? (
                    <Badge color="gray">Undecided ({p.effective ? 'allowed' : 'not allowed'})</Badge>
                  ) : p.granted ? (
                    <Badge color="green">Granted</Badge>
                  ) : (
                    <Badge color="red">Denied</Badge>
                  )}
                </Td>
                <Td>{p.source ? SOURCE_LABELS[p.source] : '—'}</Td>
                <Td>{p.policyVersion ?? '—'}</Td>
                <Td>{when(p.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <h3 className="text-sm font-semibold text-slate-900">History</h3>
        {consent.history.length === 0 ? (
          <p className="text-sm text-slate-600">No decision recorded for this shopper.</p>
        ) : (
          <Table caption="Consent history, newest first">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Purpose</Th>
                <Th>Decision</Th>
                <Th>Source</Th>
                <Th>Policy version</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {consent.history.slice(0, HISTORY_ROWS).map((h, i) => (
                <tr key={`${h.recordedAt.toISOString()}:${h.purpose}:${i}`}>
                  <Td>{when(h.recordedAt)}</Td>
                  <Td>{PURPOSE_LABELS[h.purpose]}</Td>
                  <Td>{h.granted ? 'Granted' : 'Denied'}</Td>
                  <Td>{SOURCE_LABELS[h.source]}</Td>
                  <Td>{h.policyVersion}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
