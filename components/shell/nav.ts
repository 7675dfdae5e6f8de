import type { Permission } from '@/lib/auth/permissions';

export interface NavItem {
  href: string; // relative to /<slug>
  label: string;
  permission: Permission;
  icon: 'home' | 'jobs' | 'members' | 'key' | 'audit' | 'settings';
}

export interface NavSection {
  label: string;
  items: NavItem[];
}

/** Only areas that work appear here; each new capability adds its entries. */
export const NAV: NavSection[] = [
  {
    label: 'Workspace',
    items: [{ href: '', label: 'Overview', permission: 'workspace.read', icon: 'home' }],
  },
  {
    label: 'Data',
    items: [
      { href: '/import', label: 'Import', permission: 'data.read', icon: 'jobs' },
      { href: '/quality', label: 'Quality', permission: 'data.read', icon: 'audit' },
    ],
  },
  {
    label: 'Catalog',
    items: [
      { href: '/products', label: 'Products', permission: 'data.read', icon: 'audit' },
      { href: '/models', label: 'Models', permission: 'data.read', icon: 'settings' },
    ],
  },
  {
    label: 'Recommendations',
    items: [
      { href: '/placements', label: 'Placements', permission: 'data.read', icon: 'settings' },
      { href: '/preview', label: 'Preview', permission: 'data.read', icon: 'audit' },
      { href: '/model-quality', label: 'Model quality', permission: 'data.read', icon: 'audit' },
      { href: '/performance', label: 'Performance', permission: 'data.read', icon: 'audit' },
      { href: '/install', label: 'Storefront install', permission: 'data.read', icon: 'settings' },
    ],
  },
  {
    label: 'Shoppers',
    items: [
      { href: '/shoppers', label: 'Shoppers', permission: 'data.read', icon: 'members' },
      { href: '/segments', label: 'Segments', permission: 'data.read', icon: 'members' },
      { href: '/predictions', label: 'Predictions', permission: 'data.read', icon: 'audit' },
    ],
  },
  {
    label: 'Ads',
    items: [
      { href: '/ads', label: 'Campaigns', permission: 'data.read', icon: 'audit' },
      { href: '/ads/settings', label: 'Ad settings', permission: 'data.read', icon: 'settings' },
    ],
  },
  {
    label: 'Models',
    items: [
      { href: '/explanations', label: 'Explanations', permission: 'data.read', icon: 'audit' },
      { href: '/model-cards', label: 'Cards', permission: 'data.read', icon: 'audit' },
      { href: '/fairness', label: 'Fairness', permission: 'data.read', icon: 'audit' },
    ],
  },
  {
    label: 'Insights',
    items: [{ href: '/markets', label: 'Markets', permission: 'data.read', icon: 'audit' }],
  },
  {
    label: 'Privacy',
    items: [
      { href: '/privacy', label: 'Compliance', permission: 'privacy.read', icon: 'audit' },
      { href: '/privacy/requests', label: 'Requests', permission: 'privacy.read', icon: 'members' },
      { href: '/privacy/consent', label: 'Consent', permission: 'privacy.read', icon: 'audit' },
      { href: '/privacy/data-map', label: 'Data map', permission: 'privacy.read', icon: 'audit' },
      { href: '/privacy/encryption', label: 'Encryption', permission: 'privacy.read', icon: 'key' },
      { href: '/privacy/settings', label: 'Privacy settings', permission: 'privacy.read', icon: 'settings' },
    ],
  },
  {
    label: 'Operations',
    items: [{ href: '/jobs', label: 'Jobs', permission: 'jobs.read', icon: 'jobs' }],
  },
  {
    label: 'Administration',
    items: [
      { href: '/members', label: 'Members', permission: 'members.read', icon: 'members' },
      { href: '/api-keys', label: 'API keys', permission: 'apikeys.read', icon: 'key' },
      { href: '/connections', label: 'Connections', permission: 'workspace.read', icon: 'settings' },
      { href: '/audit', label: 'Audit log', permission: 'audit.read', icon: 'audit' },
      { href: '/settings', label: 'Settings', permission: 'workspace.read', icon: 'settings' },
      { href: '/settings/currency', label: 'Exchange rates', permission: 'workspace.read', icon: 'settings' },
    ],
  },
];
