import type { IncomingMessage, ServerResponse } from 'node:http';
import { healthResponse } from '@/lib/health';

/**
 * Hot endpoints served before Next's router (architecture.md, "Hot storefront endpoints"):
 * framework-agnostic handlers (Web Request → Response) that are also mounted as Next route
 * handlers, so Vercel deployments serve the same code.
 */
type FastHandler = (req: Request) => Promise<Response>;

const ROUTES: Record<string, FastHandler> = {
  'GET /api/health': () => healthResponse(),
};

/** Returns true when the request was answered here. */
export async function tryFastPath(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  const handler = ROUTES[`${req.method} ${path}`];
  if (!handler) return false;
  const request = await toWebRequest(req);
  const response = await handler(request);
  res.statusCode = response.status;
  for (const [k, v] of response.headers) res.setHeader(k, v);
  res.end(Buffer.from(await response.arrayBuffer()));
  return true;
}

async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody ? Buffer.concat(await readAll(req)) : undefined;
  return new Request(url, { method: req.method, headers, body });
}

async function readAll(req: IncomingMessage): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks;
}
