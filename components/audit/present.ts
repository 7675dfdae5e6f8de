/**
 * How audit entries read in the UI: human labels for action codes and a compact rendering of
 * the `details` JSON. Pure functions, shared by the page and its tests.
 */

export const ACTION_LABELS: Record<string, string> = {
  'workspace.created': 'Workspace created',
  'settings.updated': 'Settings updated',
  'member.invited': 'Member invited',
  'member.invite_revoked': 'Invitation revoked',
  'member.joined': 'Member joined',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'member.left': 'Member left',
  'apikey.created': 'API key created',
  'apikey.revoked': 'API key revoked',
  'audit.verified': 'Audit chain verified',
  'privacy.retention_ran': 'Retention run',
  'privacy.report_downloaded': 'Compliance report downloaded',
};

const TARGET_LABELS: Record<string, string> = {
  workspace: 'Workspace',
  user: 'Member',
  invitation: 'Invitation',
  api_key: 'API key',
};

/** `apikey.created` → "API key created"; unknown codes are made readable ("catalog.synced" → "Catalog synced"). */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : action;
}

/** "API key · Order sync": the target's kind plus the most recognisable detail (name, email). */
export function targetLabel(targetType: string | null, details: Record<string, unknown>): string {
  if (!targetType) return '—';
  const kind = TARGET_LABELS[targetType] ?? actionLabel(targetType);
  const name = [details.name, details.email].find((v): v is string => typeof v === 'string' && v.length > 0);
  return name ? `${kind} · ${name}` : kind;
}

/** `allowedOrigins` → "allowed origins". */
export function detailKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

const MAX_VALUE = 120;

/** One detail value as short text: lists joined, `{ from, to }` as "a → b", long values cut. */
export function detailValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined || value === '') text = '—';
  else if (Array.isArray(value)) text = value.length ? value.map(detailValue).join(', ') : '—';
  else if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    text = 'from' in o || 'to' in o ? `${detailValue(o.from)} → ${detailValue(o.to)}` : JSON.stringify(o);
  } else text = String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/**
 * The details object as `[label, value]` pairs, in stored order. A top-level `from`/`to` pair
 * (e.g. a role change) reads as one "change: viewer → analyst" line.
 */
export function detailPairs(details: unknown): [string, string][] {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return [];
  const d = details as Record<string, unknown>;
  const change = 'from' in d && 'to' in d;
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(d)) {
    if (change && k === 'from') pairs.push(['change', detailValue(d)]);
    else if (!(change && k === 'to')) pairs.push([detailKey(k), detailValue(v)]);
  }
  return pairs;
}

/** Query-string values → safe filter options (anything odd is ignored rather than reported). */
export function parseAuditQuery(q: { action?: string | string[]; before?: string | string[] }): {
  action?: string;
  before?: number;
} {
  const action =
    typeof q.action === 'string' && /^[a-z][a-z0-9_.]{0,63}$/.test(q.action) ? q.action : undefined;
  const n = typeof q.before === 'string' && /^\d{1,15}$/.test(q.before) ? Number(q.before) : undefined;
  return { action, before: n && Number.isSafeInteger(n) && n > 0 ? n : undefined };
}
