import { describe, expect, it } from 'vitest';
import { GET } from './route';

describe('GET /api/v1/ping', () => {
  it('answers 200 with the fixed JSON body and no caching', async () => {
    const res = GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ok: true, service: 'tailor' });
  });

  it('answers the same body every time', async () => {
    const [a, b] = [GET(), GET()];
    expect(await a.text()).toBe(await b.text());
    expect(JSON.parse(await GET().text())).toEqual({ ok: true, service: 'tailor' });
  });
});
