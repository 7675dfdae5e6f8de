#!/usr/bin/env node
// After `next build`: the files Next traced for each server route (`.next/**/*.nft.json`) are what a
// deployment copies beside the bundle. A run-time path that the tracer cannot resolve (a data folder,
// the models folder) makes it take whole folders: once the whole project, with the embedded database
// and its encryption keys. This fails when anything outside the allowed places is traced, and names
// the route that traced it. Fix: `/*turbopackIgnore: true*/` in the path expression, or an entry in
// `outputFileTracingExcludes` (next.config.js).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWED = [
  'node_modules/',
  '.next/',
  'db/migrations/', // read at start-up to migrate
  'lib/compute/worker-boot.mjs', // the compute worker's bootstrap, found from the project root
  'tsconfig.json', // the worker's TypeScript loader reads the path aliases
  'package.json',
];

function* traceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* traceFiles(file);
    else if (entry.name.endsWith('.nft.json')) yield file;
  }
}

const buildDir = path.join(root, '.next');
if (!fs.existsSync(buildDir)) {
  console.error('check-traces: no .next folder; run `next build` first.');
  process.exit(2);
}
const offending = new Map();
let traces = 0;
for (const trace of traceFiles(buildDir)) {
  traces++;
  const { files } = JSON.parse(fs.readFileSync(trace, 'utf8'));
  for (const f of files) {
    const rel = path
      .relative(root, path.resolve(path.dirname(trace), f))
      .split(path.sep)
      .join('/');
    if (!ALLOWED.some((a) => rel === a || rel.startsWith(a)) && !offending.has(rel))
      offending.set(rel, path.relative(root, trace));
  }
}
if (offending.size > 0) {
  console.error(
    `check-traces: ${offending.size} file(s) outside the allowed places are traced into the build:`,
  );
  for (const [file, trace] of [...offending].slice(0, 20)) console.error(`  ${file}  (${trace})`);
  process.exit(1);
}
console.log(`check-traces: ${traces} route traces, nothing outside ${ALLOWED.join(', ')}.`);
