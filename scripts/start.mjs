#!/usr/bin/env node
// `npm start`: install dependencies when missing, build when the build is missing or older
// than the sources, then run the server (server/index.ts) in production mode.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env, shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await import('./ensure-deps.mjs');

const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'public',
  'next.config.js',
  'package.json',
  'postcss.config.mjs',
];
function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p))
    if (!e.startsWith('.') && e !== 'node_modules') max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}
// The storefront snippet first: it only rewrites public/t.js and public/tailor.js when their
// content changes, so an unchanged snippet does not make the app look stale.
run(process.execPath, [path.join(root, 'scripts', 'build-snippet.mjs')]);
const buildId = path.join(root, '.next', 'BUILD_ID');
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (!built || newest > built) {
  console.log(
    built
      ? 'Sources changed since the last build: rebuilding…'
      : 'No build yet: building the app (about a minute)…',
  );
  run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    ...process.env,
    NODE_ENV: 'production',
  });
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'server/index.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
