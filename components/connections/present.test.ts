import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '@/lib/connectors/views';
import { presentConnection } from './present';

const base: ConnectionView = {
  id: 'c1',
  platform: 'shopify',
  platformLabel: 'Shopify',
  name: 'Acme',
  baseUrl: 'https://acme.myshopify.com',
  host: 'acme.myshopify.com',
  status: 'active',
  lastError: null,
  lastSuccessAt: null,
  lastSyncStartedAt: null,
  createdAt: new Date('2024-05-01T10:00:00Z'),
  credentialsSavedAt: new Date('2024-05-01T10:00:00Z'),
  keyVersion: 1,
  webhookSecretSet: true,
  currency: 'EUR',
  items: { products: null, customers: null, orders: null },
  skipped: {},
  sync: null,
  webhookUrl: 'https://tailor.test/api/webhooks/shopify/c1',
  webhookTopics: ['products/update'],
  privacyRequests: [],
};
const now = Date.parse('2024-05-02T10:00:00Z');

describe('connection cards', () => {
  it('shows a new connection as not synced yet, credentials masked with their date', () => {
    const c = presentConnection(base, { now });
    expect(c.state).toEqual({ text: 'Not synced yet', tone: 'amber' });
    expect(c.items).toBe('Nothing synced yet');
    expect(c.credentials).toBe('•••• saved on May 1, 2024');
    expect(c.lastSuccess).toBe('Never');
  });

  it('shows counts, skipped records, errors and a running sync', () => {
    const c = presentConnection(
      {
        ...base,
        status: 'error',
        lastError: 'Shopify rejected the access token (401).',
        lastSuccessAt: new Date('2024-05-02T09:00:00Z'),
        items: { products: 1204, customers: 1, orders: null },
        skipped: { 'product without a title': 2, 'order without a date': 1 },
      },
      { now },
    );
    expect(c.state.text).toBe('Error');
    expect(c.lastError).toMatch(/401/);
    expect(c.items).toBe('1,204 products · 1 customer');
    expect(c.skipped).toBe(
      '3 records skipped in the last sync: product without a title (2), order without a date (1)',
    );
    expect(c.lastSuccess).toBe('1 hour ago');
    const running = presentConnection(
      { ...base, sync: { status: 'running', done: 50, total: 200, message: 'Products: 50 of 200 items' } },
      { now },
    );
    expect(running.state).toEqual({ text: 'Syncing', tone: 'blue' });
    expect(running.sync).toMatchObject({ percent: 25, text: '50 of 200 items · Products: 50 of 200 items' });
  });
});
