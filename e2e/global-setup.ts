import type { FullConfig } from '@playwright/test';

/**
 * Runs once, after the web server answers its health check: makes sure it is healthy and warms
 * the pages every spec starts from, so the first test of each worker does not pay the cold
 * start of a route (Next loads route code lazily, even in production).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error('e2e: no baseURL configured');

  const health = await fetch(`${baseURL}/api/health`);
  const body = (await health.json().catch(() => ({}))) as { status?: string; database?: string };
  if (!health.ok || body.status !== 'ok') {
    throw new Error(`e2e: ${baseURL}/api/health answered ${health.status} ${JSON.stringify(body)}`);
  }

  for (const route of ['/sign-in', '/sign-up']) {
    const res = await fetch(`${baseURL}${route}`, { redirect: 'manual' });
    if (res.status >= 500) throw new Error(`e2e: warming ${route} failed with ${res.status}`);
    await res.arrayBuffer();
  }
  console.log(`e2e: server at ${baseURL} is healthy (database: ${body.database ?? 'unknown'})`);
}
