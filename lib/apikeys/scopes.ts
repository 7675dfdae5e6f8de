import type { Permission } from '@/lib/auth/permissions';

/**
 * What a secret API key may do. A key carries a subset of these scopes (the `api_keys.scopes`
 * column, every scope by default); each REST route names the one scope it needs and a key without
 * it is answered 403 `insufficient_scope`. Publishable keys (storefronts) do not use scopes: they
 * may only send events and read recommendations, from their allowed origins.
 */
export const API_SCOPES = [
  'events:write',
  'catalog:write',
  'data:read',
  'recommend:read',
  'privacy:write',
  'jobs:run',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What each scope allows, in the words the key form and the keys list use. */
export const SCOPE_LABELS: Record<ApiScope, { label: string; description: string }> = {
  'events:write': { label: 'Send events', description: 'POST /api/v1/events from a server.' },
  'catalog:write': { label: 'Write the catalog', description: 'Create, update and delete products.' },
  'data:read': {
    label: 'Read data',
    description: 'Products, search, segments and their members (emails in clear), the workspace.',
  },
  'recommend:read': { label: 'Recommendations', description: 'GET /api/v1/recommendations.' },
  'privacy:write': { label: 'Privacy requests', description: 'Consent and data subject requests.' },
  'jobs:run': { label: 'Run jobs', description: 'Start syncs, imports and training.' },
};

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === 'string' && (API_SCOPES as readonly string[]).includes(value);
}

/**
 * The scopes stored on a key row, keeping only known ones (a scope dropped from a later version
 * grants nothing) in the canonical order.
 */
export function knownScopes(stored: readonly string[] | null | undefined): ApiScope[] {
  const set = new Set(stored ?? []);
  return API_SCOPES.filter((s) => set.has(s));
}

/** True when `granted` (a key's stored scopes) includes `needed`. */
export function hasScope(granted: readonly string[] | null | undefined, needed: ApiScope): boolean {
  return (granted ?? []).includes(needed);
}

/**
 * Form or command-line input → a scope list: a comma/space separated string, an array of strings,
 * or nothing (every scope). Unknown names are left in so validation can name them.
 */
export function scopeInput(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [...API_SCOPES];
  const parts = Array.isArray(value) ? value : [value];
  return parts
    .flatMap((p) => (typeof p === 'string' ? p.split(/[\s,]+/) : [String(p)]))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Stored on publishable keys for the record; the storefront gate fixes what they may do. */
export const PUBLISHABLE_SCOPES: readonly ApiScope[] = ['events:write', 'recommend:read'];

const IMPLIED: Record<ApiScope, readonly Permission[]> = {
  'events:write': ['data.write'],
  'catalog:write': ['data.read', 'data.write'],
  // Member exports feed a CRM or an ad platform, which needs the emails in clear.
  'data:read': ['workspace.read', 'data.read', 'shoppers.pii'],
  'recommend:read': ['data.read'],
  'privacy:write': ['privacy.read', 'privacy.manage'],
  'jobs:run': ['jobs.read', 'jobs.run'],
};

/** The permissions a request made with `scope` runs with (services check permissions, not scopes). */
export function scopePermissions(scope: ApiScope): readonly Permission[] {
  return IMPLIED[scope];
}
