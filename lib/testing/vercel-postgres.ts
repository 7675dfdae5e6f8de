import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type WsProxy, startWsProxy } from './ws-proxy';

/** The subset of Neon's `neonConfig` the tests change. */
interface NeonConfig {
  wsProxy: string | ((host: string, port: number | string) => string) | undefined;
  useSecureWebSocket: boolean;
  pipelineTLS: boolean;
  pipelineConnect: string | false;
}

/**
 * Finds the ESM entry of the `@neondatabase/serverless` copy that `@vercel/postgres` itself
 * resolves (its nested 0.9.x, not any other copy in the tree): configuring another copy
 * silently does nothing.
 */
export function resolveNeonForVercelPostgres(): string {
  const fromRoot = createRequire(path.join(process.cwd(), 'package.json'));
  const vercelEntry = fromRoot.resolve('@vercel/postgres');
  const fromVercel = createRequire(vercelEntry);
  for (const dir of fromVercel.resolve.paths('@neondatabase/serverless') ?? []) {
    const pkgDir = path.join(dir, '@neondatabase', 'serverless');
    const pkgFile = path.join(pkgDir, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as {
      exports?: { import?: string | { default?: string } };
      module?: string;
    };
    const entry =
      typeof pkg.exports?.import === 'string'
        ? pkg.exports.import
        : (pkg.exports?.import?.default ?? pkg.module);
    if (!entry) throw new Error(`${pkgFile} has no ESM entry`);
    return path.join(pkgDir, entry);
  }
  throw new Error('@neondatabase/serverless not found from @vercel/postgres');
}

/**
 * Points @vercel/postgres at a local Postgres through a WebSocket→TCP proxy: starts the proxy
 * and sets `neonConfig` (plain `ws://`, no pipelined TLS or password). Connection strings must
 * use the host `localhost` (@vercel/postgres accepts non-pooled URLs only for it).
 * `restore()` puts the previous settings back and stops the proxy.
 */
export async function routeVercelPostgresToLocal(): Promise<{ proxy: WsProxy; restore(): Promise<void> }> {
  const mod = (await import(pathToFileURL(resolveNeonForVercelPostgres()).href)) as {
    neonConfig: NeonConfig;
  };
  const config = mod.neonConfig;
  const previous = {
    wsProxy: config.wsProxy,
    useSecureWebSocket: config.useSecureWebSocket,
    pipelineTLS: config.pipelineTLS,
    pipelineConnect: config.pipelineConnect,
  };
  const proxy = await startWsProxy();
  config.wsProxy = proxy.wsProxy;
  config.useSecureWebSocket = false;
  config.pipelineTLS = false;
  config.pipelineConnect = false;
  return {
    proxy,
    async restore() {
      Object.assign(config, previous);
      await proxy.close();
    },
  };
}

/** The same database URL with the host replaced by `localhost` (what @vercel/postgres requires). */
export function withLocalhost(url: string): string {
  const u = new URL(url);
  u.hostname = 'localhost';
  return u.toString();
}
