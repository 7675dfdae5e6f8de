import { exportAvailableUntil } from './due-dates';
import type { PrivacyRequestView } from './service';

/**
 * The download links of an access request's export: the whole JSON and one CSV per section,
 * while the export is available (processed, subject still held, within 30 days of closing).
 */
export function exportDownloads(slug: string, r: PrivacyRequestView, now = new Date()) {
  if (r.kind !== 'access' || !r.result || r.result.noSubject || !r.shopperId) return [];
  const until = exportAvailableUntil(r.completedAt);
  if (until && until < now) return [];
  const base = `/${slug}/privacy/requests/${r.id}/export`;
  const sections = Array.isArray(r.result.sections) ? (r.result.sections as { name: string }[]) : [];
  return [
    { label: 'Everything (JSON)', href: `${base}?format=json` },
    { label: 'shopper (CSV)', href: `${base}?format=csv&section=shopper` },
    ...sections.map((s) => ({
      label: `${s.name} (CSV)`,
      href: `${base}?format=csv&section=${encodeURIComponent(s.name)}`,
    })),
  ];
}
