import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake stores see it. */
export interface FakeRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A reply: status, headers and a JSON (or raw string) body. */
export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Starts a node:http server on 127.0.0.1 and a random port. Tests only: nothing here leaves the machine. */
export async function startLocalServer(
  handle: (req: FakeRequest) => Promise<FakeReply> | FakeReply,
): Promise<LocalServer> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let reply: FakeReply;
    try {
      reply = await handle({
        method: req.method ?? 'GET',
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
    } catch (error) {
      reply = { status: 500, body: { error: String(error) } };
    }
    const body =
      typeof reply.body === 'string'
        ? reply.body
        : reply.body === undefined
          ? ''
          : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(body);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A virtual clock for the fake stores' rate limits and the clients' sleeps: `sleep` records the
 * wait and moves the clock instead of waiting, so throttling tests take no time.
 */
export class VirtualClock {
  now = Date.parse('2024-06-01T12:00:00Z');
  readonly sleeps: number[] = [];
  readonly nowFn = (): number => this.now;
  readonly sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.now += ms;
  };
}
