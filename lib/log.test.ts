import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, redact } from './log';

describe('redact', () => {
  it('replaces the values of secret-named fields at any depth', () => {
    const out = redact({
      password: 'hunter2',
      user: { email: 'a@b.c', newPassword: 'p', apiKey: 'x', 'x-api-key': 'y', accessToken: 't' },
      headers: { Authorization: 'Bearer abc', cookie: 'sid=1' },
      AUTH_SECRET: 's',
      monkey: 'banana',
      tenantId: 'kept',
      keys: 3,
    }) as Record<string, Record<string, unknown>>;
    expect(out.password).toBe('[redacted]');
    expect(out.user).toEqual({
      email: 'a@b.c',
      newPassword: '[redacted]',
      apiKey: '[redacted]',
      'x-api-key': '[redacted]',
      accessToken: '[redacted]',
    });
    expect(out.headers).toEqual({ Authorization: '[redacted]', cookie: '[redacted]' });
    expect(out.AUTH_SECRET).toBe('[redacted]');
    expect(out.tenantId).toBe('kept');
    expect(out.keys).toBe(3);
    expect(out.monkey).toBe('banana');
  });

  it('masks sk_/pk_ keys inside any string, errors included', () => {
    const key = 'sk_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    expect(redact(`GET /x?key=pk_abcdefgh12345 with ${key}`)).toBe(
      'GET /x?key=pk_[redacted] with sk_[redacted]',
    );
    const e = new Error(`bad key ${key}`);
    const out = redact({ nested: [e] }) as { nested: [{ error: string; stack: string }] };
    expect(out.nested[0].error).toBe('bad key sk_[redacted]');
    expect(out.nested[0].stack).not.toContain(key);
    expect(redact('task_queue and desk_lamp')).toBe('task_queue and desk_lamp');
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[…]' });
  });
});

describe('log', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never writes a secret to the output', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const key = 'sk_ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ';
    log('error', 'api.failed', {
      tenantId: 't1',
      password: 'hunter2',
      body: { token: 'abc', note: `sent ${key}` },
      error: new Error(`key ${key} rejected`),
    });
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('abc"');
    expect(line).not.toContain(key);
    const parsed = JSON.parse(line);
    expect(parsed).toMatchObject({
      level: 'error',
      msg: 'api.failed',
      tenantId: 't1',
      error: 'key sk_[redacted] rejected',
    });
  });
});
