#!/usr/bin/env node
// Installs dependencies when they are missing or stale, so a fresh clone works with one command
// (`npm start`, `npm test`, `npm run worker`). Plain Node, no dependencies: it runs before any exist.
//
//   node scripts/ensure-deps.mjs          # install if needed, exit non-zero if the install fails
//   import { ensureDeps } from './ensure-deps.mjs'
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Why an install is needed, or null when node_modules matches the lockfile.
 * The hidden lockfile npm writes into node_modules records what is actually installed.
 */
export function installReason(root = ROOT) {
  const lockFile = path.join(root, 'package-lock.json');
  const hiddenFile = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
  if (!fs.existsSync(lockFile)) return null; // no lock: whatever is installed is what we have
  if (!fs.existsSync(hiddenFile)) return 'node_modules/.package-lock.json is missing';
  if (fs.statSync(hiddenFile).mtimeMs >= fs.statSync(lockFile).mtimeMs) return null;
  // The lock is newer (a pull, a branch switch, or just `npm install` writing it last):
  // compare contents so an up-to-date tree is not reinstalled for a timestamp.
  try {
    const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages ?? {};
    const hidden = JSON.parse(fs.readFileSync(hiddenFile, 'utf8')).packages ?? {};
    for (const [key, entry] of Object.entries(lock)) {
      if (key === '' || entry.optional || entry.devOptional || entry.link) continue;
      if (hidden[key]?.version !== entry.version) return `package-lock.json changed (${key})`;
    }
    for (const key of Object.keys(hidden)) {
      if (!lock[key]) return `package-lock.json changed (${key} removed)`;
    }
    return null;
  } catch (e) {
    return `cannot compare lockfiles (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Runs `npm ci` (or `npm install` without a lockfile) when needed. Returns the exit status. */
export function ensureDeps(root = ROOT) {
  const reason = installReason(root);
  if (!reason) return 0;
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  const args = hasLock ? ['ci'] : ['install'];
  console.log(`\n▶ Installing dependencies (${reason}): npm ${args.join(' ')}\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, [...args, '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.error) {
    console.error(`Could not run npm: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = ensureDeps();
}
