#!/usr/bin/env node
/**
 * Builds the storefront snippet with esbuild: lib/snippet/client/loader.ts → public/t.js and
 * lib/snippet/client/main.ts → public/tailor.js (IIFE, minified, ES2020: optional chaining stays native). The loader appends
 * tailor.js?v=<build id>, where the build id is a hash of the main bundle, so a new bundle is
 * never served from a stale cache. `buildSnippet({ write: false })` builds in memory (budget test).
 * The ads bundle, lib/snippet/client-ads/main.ts → public/tailor-ads.js, is built alongside
 * (`buildAdsSnippet`); it is installed by its own tag, so it has no loader.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const client = path.join(root, 'lib', 'snippet', 'client');
const common = {
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  platform: 'browser',
  metafile: true,
  write: false,
  legalComments: 'none',
  logLevel: 'silent',
};

/** Writes only changed content, so `npm start` (which compares mtimes) does not rebuild for nothing. */
function writeIfChanged(file, text) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.writeFileSync(file, text);
}

/** One bundle's text and sizes. */
function summarize(result) {
  const file = result.outputFiles[0];
  const code = file.text;
  return {
    code,
    bytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code, { level: 9 }).length,
    metafile: result.metafile,
  };
}

/**
 * Builds the storefront ads bundle. With `write: true` (default) writes public/tailor-ads.js.
 * @returns {Promise<{ code, bytes, gzipBytes, metafile }>}
 */
export async function buildAdsSnippet({ write = true } = {}) {
  const ads = summarize(
    await build({
      ...common,
      entryPoints: [path.join(root, 'lib', 'snippet', 'client-ads', 'main.ts')],
      outfile: 'tailor-ads.js',
    }),
  );
  if (write) {
    const out = path.join(root, 'public');
    fs.mkdirSync(out, { recursive: true });
    writeIfChanged(path.join(out, 'tailor-ads.js'), ads.code);
  }
  return ads;
}

/**
 * Builds both bundles. With `write: true` (default) writes public/t.js and public/tailor.js.
 * @returns {Promise<{ loader, main, buildId }>} code, raw and gzipped bytes, and esbuild metafiles
 */
export async function buildSnippet({ write = true } = {}) {
  const main = summarize(
    await build({ ...common, entryPoints: [path.join(client, 'main.ts')], outfile: 'tailor.js' }),
  );
  const buildId = createHash('sha256').update(main.code).digest('hex').slice(0, 10);
  const loader = summarize(
    await build({
      ...common,
      entryPoints: [path.join(client, 'loader.ts')],
      outfile: 't.js',
      define: { __TAILOR_BUILD__: JSON.stringify(buildId) },
    }),
  );
  if (write) {
    const out = path.join(root, 'public');
    fs.mkdirSync(out, { recursive: true });
    writeIfChanged(path.join(out, 'tailor.js'), main.code);
    writeIfChanged(path.join(out, 't.js'), loader.code);
  }
  return { loader, main, buildId };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { loader, main, buildId } = await buildSnippet();
  const ads = await buildAdsSnippet();
  console.log(
    `snippet ${buildId}: t.js ${loader.bytes} B (${loader.gzipBytes} B gzip), tailor.js ${main.bytes} B (${main.gzipBytes} B gzip), tailor-ads.js ${ads.bytes} B (${ads.gzipBytes} B gzip)`,
  );
}
