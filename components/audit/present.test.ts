import { describe, expect, it } from 'vitest';
import { actionLabel, detailPairs, detailValue, parseAuditQuery, targetLabel } from './present';

describe('audit presentation', () => {
  it('labels known actions and makes unknown ones readable', () => {
    expect(actionLabel('apikey.created')).toBe('API key created');
    expect(actionLabel('member.invite_revoked')).toBe('Invitation revoked');
    expect(actionLabel('catalog.sync_finished')).toBe('Catalog sync finished');
  });

  it('names targets by kind and their most recognisable detail', () => {
    expect(targetLabel('api_key', { name: 'Order sync', prefix: 'sk_abc…' })).toBe('API key · Order sync');
    expect(targetLabel('user', { email: 'ada@example.com' })).toBe('Member · ada@example.com');
    expect(targetLabel('workspace', {})).toBe('Workspace');
    expect(targetLabel(null, {})).toBe('—');
  });

  it('renders details compactly', () => {
    expect(
      detailPairs({ allowedOrigins: ['https://a.example', 'https://b.example'], kind: 'publishable' }),
    ).toEqual([
      ['allowed origins', 'https://a.example, https://b.example'],
      ['kind', 'publishable'],
    ]);
    expect(
      detailPairs({
        timeZone: { from: 'UTC', to: 'Europe/Berlin' },
        supportedLocales: { from: ['en'], to: ['en', 'de'] },
      }),
    ).toEqual([
      ['time zone', 'UTC → Europe/Berlin'],
      ['supported locales', 'en → en, de'],
    ]);
    expect(detailPairs({ email: 'ada@example.com', from: 'viewer', to: 'analyst' })).toEqual([
      ['email', 'ada@example.com'],
      ['change', 'viewer → analyst'],
    ]);
    expect(detailValue([])).toBe('—');
    expect(detailValue('x'.repeat(500))).toHaveLength(120);
    expect(detailPairs(null)).toEqual([]);
    expect(detailPairs(['a'])).toEqual([]);
  });

  it('accepts only sane query parameters', () => {
    expect(parseAuditQuery({ action: 'apikey.created', before: '42' })).toEqual({
      action: 'apikey.created',
      before: 42,
    });
    expect(parseAuditQuery({ action: "x' or 1=1", before: '-1' })).toEqual({
      action: undefined,
      before: undefined,
    });
    expect(parseAuditQuery({ action: ['a', 'b'], before: '99999999999999999999' })).toEqual({
      action: undefined,
      before: undefined,
    });
    expect(parseAuditQuery({ before: '0' })).toEqual({ action: undefined, before: undefined });
  });
});
