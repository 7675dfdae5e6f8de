/**
 * Roles → permissions: the one table every action and API route consults.
 * Permissions are `resource.verb`.
 */
export const ROLES = ['owner', 'admin', 'marketer', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'workspace.read',
  'workspace.update',
  'members.read',
  'members.invite',
  'members.update',
  'members.remove',
  'apikeys.read',
  'apikeys.create',
  'apikeys.revoke',
  'audit.read',
  'settings.update',
  'jobs.read',
  'jobs.run',
  'jobs.cancel',
  'data.read',
  'data.write',
  'demo.reset',
  /** Age, gender and similar special facts a store shares about its shoppers (issue 5). */
  'shoppers.sensitive',
  /** Shoppers' email and name in clear; without it the dashboard shows them masked (issue 7). */
  'shoppers.pii',
  /** The privacy center: requests, consent, retention, data map, compliance report. */
  'privacy.read',
  /** Handle data subject requests, change privacy settings, rotate keys, run retention. */
  'privacy.manage',
  /** Create and edit ad campaigns, generate, edit and approve creatives, run experiments (issue 6). */
  'ads.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['workspace.read', 'members.read', 'jobs.read', 'data.read'];

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  admin: new Set(PERMISSIONS),
  marketer: new Set<Permission>([...READ, 'jobs.run', 'data.write', 'shoppers.pii', 'ads.manage']),
  analyst: new Set<Permission>([...READ, 'jobs.run', 'shoppers.sensitive', 'privacy.read']),
  viewer: new Set<Permission>(READ),
};

/** Permissions a secret API key carries (a key acts for its workspace, not for a person). */
export const SECRET_KEY_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>([
  'workspace.read',
  'data.read',
  'data.write',
  'jobs.read',
  'jobs.run',
]);

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  marketer: 'Marketer',
  analyst: 'Analyst',
  viewer: 'Viewer',
};
