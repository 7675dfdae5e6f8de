import { describe, expect, it } from 'vitest';
import { createApiKeySchema } from './schemas';
import { API_SCOPES, SCOPE_LABELS, hasScope, knownScopes, scopeInput, scopePermissions } from './scopes';

describe('API key scopes', () => {
  it('labels every scope and maps each to the permissions its routes need', () => {
    for (const s of API_SCOPES) {
      expect(SCOPE_LABELS[s].label.length).toBeGreaterThan(0);
      expect(scopePermissions(s).length).toBeGreaterThan(0);
    }
    expect(scopePermissions('data:read')).toContain('data.read');
    expect(scopePermissions('data:read')).not.toContain('data.write');
    expect(scopePermissions('privacy:write')).toContain('privacy.manage');
  });

  it('reads form and command-line input; nothing means every scope', () => {
    expect(scopeInput(undefined)).toEqual([...API_SCOPES]);
    expect(scopeInput('')).toEqual([...API_SCOPES]);
    expect(scopeInput('data:read, jobs:run')).toEqual(['data:read', 'jobs:run']);
    expect(scopeInput(['data:read', 'events:write'])).toEqual(['data:read', 'events:write']);
  });

  it('checks held scopes and drops unknown stored ones', () => {
    expect(hasScope(['data:read'], 'data:read')).toBe(true);
    expect(hasScope(['data:read'], 'catalog:write')).toBe(false);
    expect(hasScope(null, 'data:read')).toBe(false);
    expect(knownScopes(['jobs:run', 'admin:all', 'data:read'])).toEqual(['data:read', 'jobs:run']);
  });

  it('validates scopes on key creation with a message naming the valid ones', () => {
    const bad = createApiKeySchema.safeParse({ kind: 'secret', name: 'k', scopes: 'data:read,everything' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('Unknown scope');
    const ok = createApiKeySchema.parse({ kind: 'secret', name: 'k', scopes: ['jobs:run', 'data:read'] });
    expect(ok.scopes).toEqual(['data:read', 'jobs:run']);
  });
});
