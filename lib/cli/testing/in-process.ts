/**
 * In-process helpers for CLI tests: run `tailor …` with chosen commands and capture what it
 * writes, or hand a command a context whose output is collected and whose database is the test's.
 */
import type { Db } from '@/db/client';
import type { Env } from '@/lib/env';
import type { CliContext, Command } from '../command';
import { runCli } from '../run';

/** A write stream that passes each chunk to `write` and is not a terminal. */
export function captureStream(write: (s: string) => void = () => undefined): NodeJS.WriteStream {
  return {
    write: (s: string) => {
      write(s);
      return true;
    },
    isTTY: false,
  } as unknown as NodeJS.WriteStream;
}

/** Runs `tailor <argv>` with only `commands`, returning the exit code and everything written. */
export async function runCliCaptured(
  argv: readonly string[],
  commands: readonly Command[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: captureStream((s) => (stdout += s)), stderr: captureStream((s) => (stderr += s)) },
    commands,
  );
  return { code, stdout, stderr };
}

/** A command context over the test database; `out` and `err` lines go to the given arrays. */
export function testCliContext(db: () => Db, out: string[], err?: string[]): CliContext {
  return {
    out: (s) => void out.push(s),
    err: (s) => void err?.push(s),
    stderr: captureStream(),
    env: {} as Env,
    debug: false,
    db: async () => db(),
  };
}
