// The fast path's light route (recommendations) on a real HTTP server: answers that need no
// database (missing key, key in the wrong place, preflights) come back in the API's error shape,
// with the base security headers, read from Node's own request headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryFastPath } from './fast-path';

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    void Promise.resolve(tryFastPath(req, res)).then((served) => {
      if (!served) {
        res.statusCode = 418;
        res.end('not on the fast path');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fast path: GET /api/v1/recommendations without a Web Request', () => {
  it('answers a missing key with 401 in the error shape and the security headers', async () => {
    const res = await fetch(`${base}/api/v1/recommendations?scenario=trending`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('refuses a secret key in the URL', async () => {
    const inUrl = await fetch(`${base}/api/v1/recommendations?key=sk_abc`);
    expect(inUrl.status).toBe(401);
    expect(((await inUrl.json()) as { error: { message: string } }).error.message).toMatch(/never in a URL/);
  });

  it('answers a preflight from a storefront with the CORS headers for its origin', async () => {
    const res = await fetch(`${base}/api/v1/recommendations`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
  });

  it('answers a preflight without an Origin with 204 and Allow', async () => {
    const res = await fetch(`${base}/api/v1/recommendations`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('leaves other paths to Next', async () => {
    const res = await fetch(`${base}/api/v1/products`);
    expect(res.status).toBe(418);
  });
});
