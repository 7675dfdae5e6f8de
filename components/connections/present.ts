import { formatDate, formatDateTime, formatNumber, formatRelative } from '@/lib/format';
import type { ConnectionView } from '@/lib/connectors/views';

export type Tone = 'gray' | 'green' | 'red' | 'amber' | 'blue';

/** What a connection card shows: plain strings and numbers, safe to hand to client components. */
export interface ConnectionCard {
  id: string;
  platform: ConnectionView['platform'];
  platformLabel: string;
  name: string;
  host: string;
  state: { text: string; tone: Tone };
  lastSuccess: string;
  lastSuccessTitle: string | null;
  lastError: string | null;
  items: string;
  skipped: string | null;
  credentials: string;
  sync: { text: string; done: number; total: number | null; percent: number | null } | null;
  webhookUrl: string;
  webhookTopics: readonly string[];
  webhookSecretSet: boolean;
  privacyRequests: { topic: string; received: string }[];
}

const RESOURCE_WORDS = {
  products: ['product', 'products'],
  customers: ['customer', 'customers'],
  orders: ['order', 'orders'],
} as const;

/** "1 product", "1,204 orders". */
export function countOf(n: number, [one, many]: readonly [string, string], locale = 'en'): string {
  return `${formatNumber(n, locale)} ${n === 1 ? one : many}`;
}

function stateOf(v: ConnectionView): ConnectionCard['state'] {
  if (v.sync?.status === 'running') return { text: 'Syncing', tone: 'blue' };
  if (v.status === 'error') return { text: 'Error', tone: 'red' };
  if (v.status === 'disabled') return { text: 'Disabled', tone: 'gray' };
  if (v.sync?.status === 'queued') return { text: 'Sync queued', tone: 'gray' };
  if (!v.lastSuccessAt) return { text: 'Not synced yet', tone: 'amber' };
  return { text: 'Active', tone: 'green' };
}

/** A view → its card texts, in the workspace's locale and time zone. */
export function presentConnection(
  v: ConnectionView,
  opts: { now: number; locale?: string; timeZone?: string },
): ConnectionCard {
  const { now, locale = 'en', timeZone = 'UTC' } = opts;
  const items = (Object.keys(RESOURCE_WORDS) as (keyof typeof RESOURCE_WORDS)[])
    .filter((r) => v.items[r] !== null)
    .map((r) => countOf(v.items[r] ?? 0, RESOURCE_WORDS[r], locale));
  const skippedTotal = Object.values(v.skipped).reduce((a, b) => a + b, 0);
  const reasons = Object.entries(v.skipped)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} (${formatNumber(n, locale)})`);
  const s = v.sync;
  return {
    id: v.id,
    platform: v.platform,
    platformLabel: v.platformLabel,
    name: v.name,
    host: v.host,
    state: stateOf(v),
    lastSuccess: v.lastSuccessAt ? formatRelative(v.lastSuccessAt, now, locale) : 'Never',
    lastSuccessTitle: v.lastSuccessAt ? formatDateTime(v.lastSuccessAt, locale, timeZone) : null,
    lastError: v.status === 'error' ? v.lastError : null,
    items: items.length ? items.join(' · ') : 'Nothing synced yet',
    skipped: skippedTotal
      ? `${countOf(skippedTotal, ['record', 'records'], locale)} skipped in the last sync: ${reasons.join(', ')}`
      : null,
    credentials: `•••• saved on ${v.credentialsSavedAt ? formatDate(v.credentialsSavedAt, locale, timeZone) : '—'}`,
    sync: s
      ? {
          text:
            s.status === 'queued'
              ? 'Waiting to start…'
              : [
                  s.total !== null
                    ? `${formatNumber(s.done, locale)} of ${formatNumber(s.total, locale)} items`
                    : null,
                  s.message,
                ]
                  .filter(Boolean)
                  .join(' · ') || 'Starting…',
          done: s.done,
          total: s.total,
          percent: s.total ? Math.min(100, Math.round((s.done / s.total) * 100)) : null,
        }
      : null,
    webhookUrl: v.webhookUrl,
    webhookTopics: v.webhookTopics,
    webhookSecretSet: v.webhookSecretSet,
    privacyRequests: v.privacyRequests.map((p) => ({
      topic: p.topic,
      received: formatDateTime(p.receivedAt, locale, timeZone),
    })),
  };
}
