// The fast path's light route (recommendations) on a real HTTP server: answers that need no
// database (missing key, key in the wrong place, preflights) come back in the API's error shape,
// with the base security headers, read from Node's own request headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPlain, tryFastPath } from './fast-path';

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

describe('fast path: a plain answer', () => {
  it('is written with the base headers, its own, its byte length, and keeps the connection open', async () => {
    const body = JSON.stringify({ title: 'Grüße ✓' });
    const plain = http.createServer((req, res) => {
      sendPlain(
        res,
        { status: 200, headers: { 'content-type': 'application/json', Vary: 'Origin' }, body },
        req.url === '/https',
        req.url === '/truncated',
      );
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    try {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const get = (path: string) =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; socket: unknown }>(
          (resolve, reject) => {
            http
              .get(`${at}${path}`, { agent }, (res) => {
                let text = '';
                res.setEncoding('utf8');
                res.on('data', (c: string) => {
                  text += c;
                });
                res.on('end', () =>
                  resolve({ status: res.statusCode!, headers: res.headers, text, socket: res.socket }),
                );
              })
              .on('error', reject);
          },
        );
      const first = await get('/');
      expect(first.status).toBe(200);
      expect(first.text).toBe(body);
      expect(first.headers['content-length']).toBe(String(Buffer.byteLength(body)));
      expect(first.headers['transfer-encoding']).toBeUndefined();
      expect(first.headers['x-content-type-options']).toBe('nosniff');
      expect(first.headers['strict-transport-security']).toBeUndefined();
      expect(first.headers['content-type']).toBe('application/json');
      expect(first.headers.vary).toBe('Origin');
      // Same socket for the next request: the length framed the answer.
      const second = await get('/https');
      expect(second.socket).toBe(first.socket);
      expect(second.headers['strict-transport-security']).toMatch(/max-age=/);
      const last = await get('/truncated');
      expect(last.headers.connection).toBe('close');
      agent.destroy();
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});
