import type { PrivacyRequestView } from './service';

/**
 * A request as the REST API returns it: state, dates (ISO), the proof in `result`; never the
 * requester's contact or the subject's identifiers (the caller already has those).
 */
export function requestToApi(r: PrivacyRequestView) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    regulation: r.regulation,
    source: r.source,
    subjectFound: r.details.subjectFound === true || r.shopperId !== null,
    receivedAt: r.createdAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: r.urgency === 'overdue',
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    rejectedReason: r.rejectedReason,
    result: r.result,
  };
}
