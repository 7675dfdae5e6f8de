/**
 * Times the demo seed into a fresh file-backed PGlite database (or DATABASE_URL's Postgres with
 * `--postgres`, which must be a throw-away database). Prints the time per phase and the counts.
 *
 *   npx tsx db/seed/time-seed.ts [--scale 1] [--method auto|copy|json|values] [--chunk 5000] [--postgres]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { type SeedPhase, seedDemoWorkspace } from '@/lib/demo/service';
import { getEnv } from '@/lib/env';
import { generateDemoStore } from './generate';
import { summarizeDemoStore } from './stats';

/** CPU time since `since` (this process, all threads): less sensitive to a busy machine than wall time. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / 1000);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const scale = Number(arg('scale') ?? 1);
  const method = (arg('method') ?? 'auto') as 'auto' | 'copy' | 'json' | 'values';
  const chunkSize = arg('chunk') ? Number(arg('chunk')) : undefined;
  const now = new Date();

  let t = performance.now();
  let cpu = process.cpuUsage();
  const store = generateDemoStore({ tenantId: '00000000-0000-4000-8000-000000000000', now, scale });
  console.log(`generate only: ${Math.round(performance.now() - t)} ms (${cpuMs(cpu)} ms CPU)`);
  console.log(JSON.stringify(summarizeDemoStore(store, now)));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-seed-'));
  const postgres = process.argv.includes('--postgres');
  const url = getEnv().DATABASE_URL;
  if (postgres && !url) throw new Error('--postgres needs DATABASE_URL');
  const handle = await openDatabase(
    postgres && url ? { driver: 'node-postgres', url } : { driver: 'pglite', dataDir: dir },
  );
  try {
    const phases = new Map<SeedPhase, number>();
    let last: SeedPhase | undefined;
    t = performance.now();
    cpu = process.cpuUsage();
    const start = t;
    const result = await seedDemoWorkspace(handle.db, {
      now,
      scale,
      chunkSize,
      insertMethod: method,
      reset: true,
      onProgress: (p) => {
        if (p.phase === last) return;
        const at = performance.now();
        if (last) phases.set(last, at - t);
        t = at;
        last = p.phase;
      },
    });
    const total = performance.now() - start;
    console.log(
      `seed (${handle.driver}, ${method}, chunk ${chunkSize ?? 'default'}): ${Math.round(total)} ms (${cpuMs(cpu)} ms CPU)`,
    );
    for (const [phase, ms] of phases) console.log(`  ${phase.padEnd(12)} ${Math.round(ms)} ms`);
    console.log('counts', result.counts);
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
