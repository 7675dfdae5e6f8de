import type { Executor } from '@/db/client';
import { PRIVACY_PURPOSES } from '@/db/schema';
import { recordAudit } from '@/lib/audit/service';
import type { TenantContext } from '@/lib/tenant/context';
import { getTenant } from '@/lib/workspace/queries';
import { dataMapByTable } from './data-map';
import { getPrivacyOverview, type PrivacyOverview } from './overview';
import { limitText } from './retention/policy';
import { getPrivacySettings } from './settings';

/** Text for HTML: every value that reaches the report goes through here. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;
const iso = (d: Date | null | undefined) =>
  d ? `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC` : '—';
const table = (head: string[], rows: unknown[][]) =>
  `<table><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${
    rows.length
      ? rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join('')}</tr>`).join('')
      : `<tr><td colspan="${head.length}">None</td></tr>`
  }</tbody></table>`;

/** A bar as inline-styled blocks: prints without scripts or images. */
function shareBar(parts: { label: string; value: number; color: string }[]): string {
  const total = parts.reduce((n, p) => n + p.value, 0) || 1;
  return `<div class="bar">${parts
    .filter((p) => p.value > 0)
    .map(
      (p) =>
        `<span style="width:${((p.value / total) * 100).toFixed(1)}%;background:${p.color}" title="${h(p.label)}"></span>`,
    )
    .join('')}</div>`;
}

const STYLE = `body{font:13px/1.45 system-ui,sans-serif;color:#0f172a;max-width:960px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #cbd5e1;padding-bottom:4px}
h3{font-size:13px;margin:16px 0 4px}table{border-collapse:collapse;width:100%;margin:4px 0 8px}
th,td{border:1px solid #e2e8f0;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f1f5f9;font-size:12px}
.meta{color:#475569}.ok{color:#047857;font-weight:600}.bad{color:#b91c1c;font-weight:600}
.mono{font-family:ui-monospace,monospace;word-break:break-all}.bar{display:flex;height:10px;background:#f1f5f9;border-radius:5px;overflow:hidden;margin:2px 0 8px}
.bar span{display:block;height:100%}@media print{h2{break-after:avoid}tr{break-inside:avoid}}`;

/** Renders the report; pure (tested on its own). */
export function renderComplianceReport(input: {
  workspace: { name: string; slug: string };
  overview: PrivacyOverview;
  dataMap: ReturnType<typeof dataMapByTable>;
  settings: { consentMode: string; unconsentedEvents: string; policyVersion: string };
}): string {
  const { overview: o, workspace: w } = input;
  const v = o.lastVerification;
  const r = o.requests;
  const consent = PRIVACY_PURPOSES.map((p) => {
    const t = o.consent.totals[p];
    return `<h3>${h(p)}: ${t.granted} granted, ${t.denied} denied, ${t.unknown} undecided</h3>${shareBar([
      { label: 'granted', value: t.granted, color: '#10b981' },
      { label: 'denied', value: t.denied, color: '#f87171' },
      { label: 'undecided', value: t.unknown, color: '#cbd5e1' },
    ])}`;
  }).join('');
  const removed = o.lastRetentionRun ? Object.entries(o.lastRetentionRun.removed) : [];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Compliance report — ${h(w.name)}</title>
<style>${STYLE}</style></head><body>
<h1>Privacy compliance report</h1>
<p class="meta">Workspace <strong>${h(w.name)}</strong> (${h(w.slug)}) · generated ${h(iso(o.generatedAt))} by Tailor</p>
<h2>Data subject requests</h2>
<p>${r.open} open (${r.overdue} overdue, ${r.dueSoon} due within 7 days) · last 30 days: ${r.completed30d} completed, ${r.rejected30d} rejected.
Open by kind: ${Object.entries(r.byKind)
    .map(([k, n]) => `${h(k)} ${n}`)
    .join(', ')}.</p>
${table(
  ['Request', 'Kind', 'Status', 'Law', 'Received', 'Due', 'Completed', 'Proof'],
  o.recentRequests.map((q) => [
    q.id,
    q.kind,
    q.overdue ? `${q.status} (OVERDUE)` : q.status,
    q.regulation,
    iso(q.createdAt),
    iso(q.dueAt),
    iso(q.completedAt),
    q.proof ?? '—',
  ]),
)}
<h2>Consent</h2>
<p>Mode: ${h(input.settings.consentMode)} · events without analytics consent: ${h(input.settings.unconsentedEvents)} · policy version ${h(input.settings.policyVersion)} · ${o.consent.recorded} decisions in the last ${o.consent.days} days.</p>
${consent}
<h2>Encryption</h2>
<p>${o.encryption.encrypted} of ${o.encryption.shoppersWithPii} shoppers with an email or name have them sealed (AES-256-GCM) under the current key version ${o.encryption.currentVersion} (created ${h(iso(o.encryption.keyCreatedAt))}); ${o.encryption.clearLegacy} still in the legacy clear columns, ${o.encryption.staleVersion} on an older key version awaiting re-encryption.</p>
<h2>Retention</h2>
${table(
  ['Policy', 'Limit', 'Oldest still present', 'Status'],
  o.retention.map((s) => [s.label, limitText(s), iso(s.oldest), s.state]),
)}
<p>Last run: ${o.lastRetentionRun ? `${h(iso(o.lastRetentionRun.ranAt))} (${h(o.lastRetentionRun.trigger)}) removed ${removed.length ? removed.map(([k, n]) => `${h(k)} ${n}`).join(', ') : 'nothing'}` : 'none yet'}.
The audit log is append-only and hash-chained and is never purged.</p>
<h2>Audit chain</h2>
${
  v
    ? `<p>Last verification ${h(iso(v.verifiedAt))} by ${h(v.actor)}: <span class="${v.ok ? 'ok' : 'bad'}">${v.ok ? 'INTACT' : `BROKEN at entry ${h(v.firstBadId ?? '(end of log)')}`}</span>, ${v.entries} entries in ${v.durationMs} ms.</p>
<p>Head hash: <span class="mono">${h(v.head ?? '—')}</span></p>`
    : '<p class="bad">The audit chain has never been verified.</p>'
}
<h2>Data map</h2>
${input.dataMap
  .map(
    (t) =>
      `<h3>${h(t.table)}</h3>${table(
        ['Column', 'Category', 'Purpose', 'Legal basis', 'Retention', 'Protection'],
        t.columns.map((c) => [
          c.column,
          c.category,
          c.note ? `${c.purpose} (${c.note})` : c.purpose,
          c.legalBasis,
          c.retention,
          c.encrypted === 'yes' ? 'AES-256-GCM' : c.encrypted === 'hash' ? 'keyed hash (HMAC)' : 'none',
        ]),
      )}`,
  )
  .join('')}
</body></html>`;
}

/**
 * The compliance report of the workspace as one self-contained, printable HTML file (no scripts,
 * no external resources), and an audit entry that it was produced.
 * @throws AppError forbidden without privacy.read (from getPrivacyOverview).
 */
export async function buildComplianceReport(
  exec: Executor,
  ctx: TenantContext,
  now: Date = new Date(),
): Promise<{ filename: string; html: string }> {
  const [overview, settings, tenant] = await Promise.all([
    getPrivacyOverview(exec, ctx, { now }),
    getPrivacySettings(exec, ctx),
    getTenant(exec, ctx),
  ]);
  const workspace = { name: tenant?.name ?? ctx.slug, slug: tenant?.slug ?? ctx.slug };
  const html = renderComplianceReport({ workspace, overview, dataMap: dataMapByTable(settings), settings });
  await recordAudit(exec, ctx, { action: 'privacy.report_downloaded', targetType: 'privacy' });
  return { filename: `compliance-report-${workspace.slug}-${now.toISOString().slice(0, 10)}.html`, html };
}
