import { releaseDataDirLock } from '@/lib/db-lock/lock';
import { runCli } from './run';

/**
 * Entry point of the `tailor` CLI (bin/tailor.mjs, `npm run tailor -- …`). Sets the exit
 * code and lets output drain; a stuck handle cannot keep the process alive for long.
 */
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    process.stderr.write(`\ntailor: interrupted (${signal}).\n`);
    releaseDataDirLock();
    process.exit(code);
  });
}

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
setTimeout(() => process.exit(code), 3_000).unref();
