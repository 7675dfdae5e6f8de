import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/format';
import type { PrivacyRequestView } from '@/lib/privacy/requests/service';
import {
  KIND_LABELS,
  REGULATION_LABELS,
  SOURCE_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  urgencyText,
} from './requests-present';

/** Requests, most urgent first (the order the service returns), with due-date warnings. */
export function RequestsTable({
  slug,
  requests,
  locale,
  timeZone,
}: {
  slug: string;
  requests: PrivacyRequestView[];
  locale: string;
  timeZone: string;
}) {
  return (
    <Table caption="Data subject requests">
      <thead>
        <tr>
          <Th>Request</Th>
          <Th>Status</Th>
          <Th>Regulation</Th>
          <Th>Received</Th>
          <Th>Due</Th>
          <Th>Source</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {requests.map((r) => {
          const u = urgencyText(r.urgency, r.daysLeft);
          return (
            <tr key={r.id} data-testid="privacy-request-row" data-urgency={r.urgency}>
              <Td>
                <Link
                  href={`/${slug}/privacy/requests/${r.id}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {KIND_LABELS[r.kind]}
                  <span className="sr-only">
                    {' '}
                    request received {formatDate(r.createdAt, locale, timeZone)}
                  </span>
                </Link>
                {r.details.scope === 'shop' ? (
                  <span className="ml-2 text-xs text-slate-500">whole store</span>
                ) : null}
              </Td>
              <Td>
                <Badge color={STATUS_COLORS[r.status]}>{STATUS_LABELS[r.status]}</Badge>
              </Td>
              <Td>{REGULATION_LABELS[r.regulation]}</Td>
              <Td>{formatDate(r.createdAt, locale, timeZone)}</Td>
              <Td>
                <span className="mr-2">{formatDate(r.dueAt, locale, timeZone)}</span>
                {r.urgency === 'overdue' || r.urgency === 'due_soon' ? (
                  <Badge color={u.color}>{u.text}</Badge>
                ) : r.urgency === 'on_track' ? (
                  <span className="text-xs text-slate-500">{u.text}</span>
                ) : null}
              </Td>
              <Td>{SOURCE_LABELS[r.source]}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
