#!/usr/bin/env node
// `npm test`: the whole gate, in order, stopping at the first failure:
//   lint → typecheck → unit + database tests → production build (and what it traces) →
//   end-to-end tests.
// Each runner prints its usual output; the last line sums the test counts of Vitest and
// Playwright as `N passed, N failed`. Exit status is non-zero when any step fails.
//
//   npm test                     everything
//   npm test -- --skip=e2e       leave out steps (lint, typecheck, unit, build, e2e; comma-separated)
//
// Database tests also run against real Postgres when TEST_DATABASE_URL is set
// (`node scripts/pg-test-server.mjs run -- npm test` starts a throw-away server for that).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const reportDir = path.join(root, 'node_modules', '.cache', 'tailor-test');
const vitestJson = path.join(reportDir, 'vitest.json');
const playwrightJson = path.join(reportDir, 'playwright.json');

const skipArg = process.argv.find((a) => a.startsWith('--skip='));
const skip = new Set(skipArg ? skipArg.slice('--skip='.length).split(',') : []);

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1', // offline machines: no telemetry attempts
  E2E_JSON_REPORT: playwrightJson,
};

const steps = [
  { id: 'lint', title: 'Lint and format (biome check .)', cmd: bin('biome'), args: ['check', '.'] },
  { id: 'typecheck', title: 'Typecheck (tsc --noEmit)', cmd: bin('tsc'), args: ['--noEmit'] },
  {
    id: 'unit',
    title: `Unit and database tests (vitest run)${process.env.TEST_DATABASE_URL ? ' on PGlite and Postgres' : ' on PGlite'}`,
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  },
  // The storefront snippet (public/t.js, public/tailor.js) is built output too; same step id so
  // --skip=build leaves out both.
  {
    id: 'build',
    title: 'Storefront snippet (scripts/build-snippet.mjs)',
    cmd: process.execPath,
    args: [path.join(root, 'scripts', 'build-snippet.mjs')],
  },
  { id: 'build', title: 'Production build (next build)', cmd: bin('next'), args: ['build'] },
  {
    id: 'build',
    title: 'Files traced into the build (scripts/check-traces.mjs)',
    cmd: process.execPath,
    args: [path.join(root, 'scripts', 'check-traces.mjs')],
  },
  {
    id: 'e2e',
    title: 'End-to-end tests (playwright test)',
    cmd: bin('playwright'),
    args: ['test', '-c', 'e2e/playwright.config.ts'],
  },
];

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

function run(cmd, args) {
  return new Promise((resolve) => {
    current = spawn(cmd, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
    current.on('error', (e) => {
      console.error(`Could not start ${cmd}: ${e.message}`);
      resolve(1);
    });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Test counts from the JSON reports of the runners that ran, or undefined when unavailable. */
function counts() {
  const parts = [];
  const v = readJson(vitestJson);
  if (v && typeof v.numPassedTests === 'number') {
    parts.push({
      name: 'vitest',
      passed: v.numPassedTests,
      failed: v.numFailedTests ?? 0,
      skipped: (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0),
    });
  }
  const p = readJson(playwrightJson);
  if (p?.stats && typeof p.stats.expected === 'number') {
    parts.push({
      name: 'playwright',
      passed: p.stats.expected + (p.stats.flaky ?? 0),
      failed: p.stats.unexpected ?? 0,
      skipped: p.stats.skipped ?? 0,
    });
  }
  return parts;
}

function heading(text) {
  const line = '━'.repeat(Math.max(8, 78 - text.length));
  console.log(`\n\x1b[1m━━ ${text} ${line}\x1b[0m\n`);
}

async function main() {
  const installStatus = ensureDeps(root);
  if (installStatus !== 0) {
    console.error('\n✗ Installing dependencies failed.');
    return installStatus;
  }
  fs.mkdirSync(reportDir, { recursive: true });
  for (const f of [vitestJson, playwrightJson]) fs.rmSync(f, { force: true });

  const selected = steps.filter((s) => !skip.has(s.id));
  const started = Date.now();
  let failure;
  for (const [i, step] of selected.entries()) {
    heading(`${i + 1}/${selected.length} ${step.title}`);
    const t0 = Date.now();
    const code = await run(step.cmd, step.args);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (code !== 0) {
      failure = { step, code };
      console.error(`\n\x1b[31m✗ ${step.title} failed (exit ${code}) after ${secs} s.\x1b[0m`);
      break;
    }
    console.log(`\n\x1b[32m✓ ${step.title} passed in ${secs} s.\x1b[0m`);
  }

  heading(failure ? 'FAILED' : 'All checks passed');
  const total = ((Date.now() - started) / 1000).toFixed(0);
  if (failure) console.log(`Stopped at: ${failure.step.title} (exit ${failure.code}). Total ${total} s.`);
  else console.log(`Steps: ${selected.map((s) => s.id).join(', ')}. Total ${total} s.`);
  const parts = counts();
  for (const c of parts)
    console.log(`  ${c.name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  const passed = parts.reduce((n, c) => n + c.passed, 0);
  const failed = parts.reduce((n, c) => n + c.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failure ? failure.code || 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
