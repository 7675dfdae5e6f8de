/** Types for scripts/build-snippet.mjs (used by lib/snippet/budget.test.ts). */
import type { Metafile } from 'esbuild';

export interface SnippetBundle {
  code: string;
  bytes: number;
  gzipBytes: number;
  metafile: Metafile;
}

export function buildSnippet(options?: { write?: boolean }): Promise<{
  loader: SnippetBundle;
  main: SnippetBundle;
  buildId: string;
}>;

/** The storefront ads bundle (public/tailor-ads.js; lib/snippet/client-ads/budget.test.ts). */
export function buildAdsSnippet(options?: { write?: boolean }): Promise<SnippetBundle>;
