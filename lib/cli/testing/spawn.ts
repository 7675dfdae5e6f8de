import { spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../../bin/tailor.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `tailor` CLI (`node bin/tailor.mjs …`) in a child process, as a user would, from
 * `cwd`, against the embedded database in `dataDir` (never a Postgres server from the caller's
 * environment). `env` adds or overrides variables; `undefined` removes one. Killed after `timeoutMs`.
 */
export function spawnTailor(
  args: readonly string[],
  opts: { cwd: string; dataDir: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, TAILOR_DATA_DIR: opts.dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.POSTGRES_URL;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
