import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** A running WebSocket→TCP proxy; `close()` ends every tunnel. */
export interface WsProxy {
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** How many tunnels it has opened so far (to prove traffic really went through it). */
  readonly connections: number;
  /** For `neonConfig.wsProxy`: host, port and path without a protocol. */
  wsProxy(host: string, port: number | string): string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Starts a minimal Neon-style WebSocket proxy on 127.0.0.1: each WebSocket connection to
 * `/v2?address=host:port` becomes one TCP connection to that Postgres server, with binary
 * messages passed through unchanged in both directions. This is what lets @vercel/postgres
 * (Neon's WebSocket protocol) reach a plain local Postgres in tests.
 *
 * Only loopback targets are accepted (it is a test tool, not an open relay); `localhost` is
 * dialled as 127.0.0.1 because the test server listens on IPv4 only.
 */
export async function startWsProxy(): Promise<WsProxy> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  wss.on('connection', (ws, req) => {
    const address = new URL(req.url ?? '/', 'http://proxy').searchParams.get('address') ?? '';
    const match = /^(.*):(\d+)$/.exec(address);
    const host = match?.[1] ?? '';
    if (!match || !LOOPBACK.has(host)) {
      ws.close(1008, 'only loopback Postgres targets are allowed');
      return;
    }
    const tcp = net.connect({
      host: host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, ''),
      port: Number(match[2]),
    });
    sockets.add(tcp);
    connections += 1;
    tcp.setNoDelay(true);
    const pending: Buffer[] = [];
    let connected = false;

    tcp.on('connect', () => {
      connected = true;
      for (const chunk of pending.splice(0)) tcp.write(chunk);
    });
    tcp.on('data', (chunk) => {
      if (ws.readyState === ws.OPEN) ws.send(chunk, { binary: true });
    });
    tcp.on('close', () => {
      sockets.delete(tcp);
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    });
    tcp.on('error', () => ws.terminate());

    ws.on('message', (data) => {
      const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (connected) tcp.write(chunk);
      else pending.push(chunk);
    });
    ws.on('close', () => tcp.end());
    ws.on('error', () => tcp.destroy());
  });

  const port = (wss.address() as AddressInfo).port;
  return {
    port,
    get connections() {
      return connections;
    },
    wsProxy: (host, targetPort) => `127.0.0.1:${port}/v2?address=${host}:${targetPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const s of sockets) s.destroy();
        wss.close(() => resolve());
      }),
  };
}
