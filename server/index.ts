/**
 * The self-hosted server: one process that owns the embedded database, runs background jobs
 * in-process, answers hot endpoints on a fast path and hands everything else to Next.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { closeDb } from '@/db/client';
import { flushAdStats } from '@/lib/ads/serve/stats-buffer';
import { flushEventCounters } from '@/lib/events/counters';
import { getEnv } from '@/lib/env';
import { ensureAuthSecret } from '@/lib/env-secret';
import { log } from '@/lib/log';
import { watchEventLoop } from '@/lib/loop-watch';
import { tryFastPath } from './fast-path';
import { bootstrapData } from './bootstrap';

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const secret = await ensureAuthSecret();
  const env = getEnv();
  if (secret !== 'configured') {
    const msg = `AUTH_SECRET is not set: using a ${secret === 'generated' ? 'newly generated' : 'stored'} secret from ${env.dataDir}/auth-secret. Set AUTH_SECRET in production.`;
    console.warn(`⚠  ${msg}`);
  }
  const started = Date.now();
  const onShutdown = await bootstrapData(env);

  // `next build` alone does not build the storefront snippets (public/t.js, tailor.js, tailor-ads.js):
  // build it when missing, and always in development, where its sources change.
  const snippet = ['t.js', 'tailor.js', 'tailor-ads.js'].map((f) => path.join(process.cwd(), 'public', f));
  if (dev || !snippet.every((f) => fs.existsSync(f))) {
    const r = spawnSync(process.execPath, ['scripts/build-snippet.mjs'], { stdio: 'inherit' });
    if (r.status !== 0)
      console.warn('⚠  The storefront snippet could not be built: run npm run build:snippet.');
  }
  const app = next({ dev, hostname: env.HOST, port: env.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    // Behind no trusted proxy, the socket address is the client: never trust a client-sent XFF.
    if (!env.TRUST_PROXY) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    const failed = (error: unknown) => {
      log('error', 'server.request_failed', { error, url: req.url });
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal error');
      }
    };
    try {
      // Synchronous for a cached storefront answer (server/fast-path.ts): no promise to wait for.
      const done = tryFastPath(req, res);
      if (done === false) handle(req, res).catch(failed);
      else if (done !== true) done.then((d) => (d ? undefined : handle(req, res))).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  watchEventLoop();
  const shown = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  console.log(
    `\n  Tailor is running at http://${shown}:${env.PORT}  (${dev ? 'development' : 'production'}, database: ${env.databaseDriver}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log('info', 'server.shutdown', { signal });
    server.close();
    server.closeAllConnections();
    await onShutdown();
    // Daily event counters are buffered in memory; write them before the database closes.
    await flushEventCounters().catch(() => undefined);
    await flushAdStats().catch(() => undefined);
    await closeDb().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (error) => {
  console.error(`\n  Tailor could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.stack) log('error', 'server.start_failed', { error });
  await closeDb().catch(() => undefined);
  process.exit(1);
});
