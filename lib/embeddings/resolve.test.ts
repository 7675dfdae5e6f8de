import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { type Env, getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  embedderForSpace,
  forgetModelFailures,
  listAvailableModels,
  parseEmbedderSetting,
  resolveEmbedder,
} from './resolve';

const MODELS_DIR = path.join(import.meta.dirname, 'testing/models');
const TINY = 'tailor/tiny-bert';
const TINY_FILES = path.join(MODELS_DIR, TINY);

const tempDirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-resolve-'));
  tempDirs.push(d);
  return d;
}

function envWith(overrides: Partial<Env>): Env {
  return {
    ...getEnv(),
    modelsDir: MODELS_DIR,
    TAILOR_EMBEDDING_MODEL: TINY,
    TAILOR_ALLOW_MODEL_DOWNLOAD: undefined,
    TAILOR_MODEL_FULL_PRECISION: undefined,
    ...overrides,
  };
}

afterEach(() => forgetModelFailures());
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('resolveEmbedder', () => {
  it('gives the lexical embedder for "lexical"', async () => {
    const { embedder, status } = await resolveEmbedder('lexical', { env: envWith({}) });
    expect(embedder.space).toBe('lexical@1');
    expect(status).toEqual({
      requested: 'lexical',
      space: 'lexical@1',
      label: embedder.label,
      kind: 'lexical',
      dimensions: 512,
      fallback: false,
    });
  });

  it('loads the configured model for "auto" and shares it between calls', async () => {
    const env = envWith({});
    const first = await resolveEmbedder('auto', { env });
    expect(first.status).toMatchObject({
      requested: 'auto',
      space: 'tailor/tiny-bert@q8',
      kind: 'transformers',
    });
    expect(first.status.fallback).toBe(false);
    expect(first.status.dimensions).toBe(32);
    const second = await resolveEmbedder(`model:${TINY}`, { env });
    expect(second.embedder).toBe(first.embedder);
  });

  it('uses the full-precision weights when configured', async () => {
    const { status } = await resolveEmbedder('auto', { env: envWith({ TAILOR_MODEL_FULL_PRECISION: true }) });
    expect(status.space).toBe('tailor/tiny-bert@fp32');
  });

  it('falls back to lexical with the reason when the model is not installed', async () => {
    const env = envWith({ modelsDir: tempDir(), TAILOR_EMBEDDING_MODEL: 'Xenova/multilingual-e5-small' });
    const started = Date.now();
    const { embedder, status } = await resolveEmbedder('auto', { env });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(embedder.space).toBe('lexical@1');
    expect(status.fallback).toBe(true);
    expect(status.reason).toContain('Model Xenova/multilingual-e5-small is not installed in');
    expect(status.reason).toContain('TAILOR_ALLOW_MODEL_DOWNLOAD');

    const explicit = await resolveEmbedder('model:acme/nothing', { env });
    expect(explicit.status).toMatchObject({
      requested: 'model:acme/nothing',
      space: 'lexical@1',
      fallback: true,
    });
  });

  it('picks up a model installed while running (missing folders are not remembered)', async () => {
    const dir = tempDir();
    const env = envWith({ modelsDir: dir });
    expect((await resolveEmbedder('auto', { env })).status.fallback).toBe(true);
    fs.cpSync(TINY_FILES, path.join(dir, TINY), { recursive: true });
    expect((await resolveEmbedder('auto', { env })).status.space).toBe('tailor/tiny-bert@q8');
  });

  it('remembers a failed load for 5 minutes, until forgotten', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'acme/broken');
    fs.cpSync(TINY_FILES, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'onnx/model_quantized.onnx'), 'not an onnx file');
    const env = envWith({ modelsDir: dir, TAILOR_EMBEDDING_MODEL: 'acme/broken' });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // the warning log line
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // onnxruntime's own complaint

    const first = await resolveEmbedder('auto', { env });
    expect(first.status).toMatchObject({ fallback: true, space: 'lexical@1' });
    expect(first.status.reason).toContain('acme/broken could not be loaded');

    // Repaired on disk, but the failure is remembered…
    fs.copyFileSync(
      path.join(TINY_FILES, 'onnx/model_quantized.onnx'),
      path.join(broken, 'onnx/model_quantized.onnx'),
    );
    expect((await resolveEmbedder('auto', { env })).status.fallback).toBe(true);
    // …for 5 minutes.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5 * 60_000 + 1 });
    try {
      expect((await resolveEmbedder('auto', { env })).status.space).toBe('acme/broken@q8');
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });

  it('forgetModelFailures() lets the next request try again', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'acme/broken');
    fs.cpSync(TINY_FILES, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'onnx/model_quantized.onnx'), 'garbage');
    const env = envWith({ modelsDir: dir, TAILOR_EMBEDDING_MODEL: 'acme/broken' });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect((await resolveEmbedder('auto', { env })).status.fallback).toBe(true);
      fs.copyFileSync(
        path.join(TINY_FILES, 'onnx/model_quantized.onnx'),
        path.join(broken, 'onnx/model_quantized.onnx'),
      );
      forgetModelFailures();
      expect((await resolveEmbedder('auto', { env })).status.fallback).toBe(false);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('falls back on a malformed setting instead of throwing', async () => {
    const { status } = await resolveEmbedder('model:../../etc', { env: envWith({}) });
    expect(status).toMatchObject({ fallback: true, space: 'lexical@1' });
    expect(status.reason).toContain('Unknown embedder setting');
  });
});

describe('embedderForSpace', () => {
  it('returns the embedder of an existing space, or null when it cannot be loaded', async () => {
    const env = envWith({});
    expect((await embedderForSpace('lexical@1', { env }))?.space).toBe('lexical@1');
    expect((await embedderForSpace('tailor/tiny-bert@q8', { env }))?.space).toBe('tailor/tiny-bert@q8');
    // The stored precision wins over the configured one.
    expect((await embedderForSpace('tailor/tiny-bert@fp32', { env }))?.space).toBe('tailor/tiny-bert@fp32');
    expect(await embedderForSpace('Xenova/multilingual-e5-small@q8', { env })).toBeNull();
    expect(await embedderForSpace('lexical@2', { env })).toBeNull();
    expect(await embedderForSpace('tailor/tiny-bert', { env })).toBeNull();
    expect(await embedderForSpace('../x/y@q8', { env })).toBeNull();
  });
});

describe('listAvailableModels', () => {
  it('lists the known models, the configured one and installed folders', async () => {
    const models = await listAvailableModels(envWith({}));
    expect(models.map((m) => m.id)).toEqual([
      'Xenova/multilingual-e5-small',
      'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
      TINY,
    ]);
    expect(models[0]).toEqual({ id: 'Xenova/multilingual-e5-small', installed: false, dimensions: 384 });
    expect(models[2]).toEqual({ id: TINY, installed: true, path: TINY_FILES, dimensions: 32 });
  });

  it('finds folders under MODELS_DIR and its download cache, and ignores what is not a model', async () => {
    const dir = tempDir();
    fs.cpSync(TINY_FILES, path.join(dir, 'Xenova/multilingual-e5-small'), { recursive: true });
    fs.cpSync(TINY_FILES, path.join(dir, '.cache/zeta/downloaded'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'acme/no-onnx'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'acme/no-onnx/config.json'), '{}');
    fs.writeFileSync(path.join(dir, 'README.txt'), 'not a folder');
    const models = await listAvailableModels(
      envWith({ modelsDir: dir, TAILOR_EMBEDDING_MODEL: 'acme/custom' }),
    );
    expect(models).toEqual([
      {
        id: 'Xenova/multilingual-e5-small',
        installed: true,
        path: path.join(dir, 'Xenova/multilingual-e5-small'),
        dimensions: 32,
      },
      { id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', installed: false, dimensions: 384 },
      { id: 'acme/custom', installed: false },
      {
        id: 'zeta/downloaded',
        installed: true,
        path: path.join(dir, '.cache/zeta/downloaded'),
        dimensions: 32,
      },
    ]);
  });
});

describe('parseEmbedderSetting', () => {
  it('accepts auto, lexical and model:<org>/<name>', () => {
    expect(parseEmbedderSetting('auto')).toBe('auto');
    expect(parseEmbedderSetting(' lexical ')).toBe('lexical');
    expect(parseEmbedderSetting('model:Xenova/multilingual-e5-small')).toBe(
      'model:Xenova/multilingual-e5-small',
    );
  });

  it('rejects anything else with a field error', () => {
    for (const bad of ['', 'model:', 'model:e5', 'model:../../etc/passwd', 'openai', 42, null]) {
      let error: unknown;
      try {
        parseEmbedderSetting(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).fieldErrors?.embedder?.[0]).toContain('model:<org>/<name>');
    }
  });
});
