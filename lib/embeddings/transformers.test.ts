import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTransformersEmbedder, ModelUnavailableError } from './transformers';
import type { Embedder } from './types';

// The committed tiny model (scripts/models/make-tiny-bert.mjs): real pipeline, meaningless weights.
const MODELS_DIR = path.join(import.meta.dirname, 'testing/models');
const TINY = 'tailor/tiny-bert';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
const maxDiff = (a: Float32Array, b: Float32Array) => Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? 0))));

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-models-'));
}

describe('loadTransformersEmbedder with the tiny test model', () => {
  let embedder: Embedder;

  beforeAll(async () => {
    embedder = await loadTransformersEmbedder({
      modelId: TINY,
      modelsDir: MODELS_DIR,
      allowRemote: false,
      quantized: true,
    });
  });
  afterAll(() => embedder.dispose?.());

  it('describes its space', () => {
    expect(embedder.space).toBe('tailor/tiny-bert@q8');
    expect(embedder.kind).toBe('transformers');
    expect(embedder.label).toBe('tiny-bert');
    expect(embedder.dimensions).toBe(32);
    expect(embedder.maxBatch).toBe(32);
  });

  it('returns unit vectors of the model size', async () => {
    const [v] = await embedder.embed(['Linen shirt, white']);
    expect(v).toBeInstanceOf(Float32Array);
    expect(v).toHaveLength(32);
    expect(Math.sqrt(dot(v!, v!))).toBeCloseTo(1, 5);
  });

  it('gives the same vectors in a batch (padded, split beyond maxBatch) as one by one', async () => {
    const base = [
      'linen shirt',
      'Leinenhemd weiß, Größe M',
      'chemise en lin blanc pour homme',
      'a',
      '麻のシャツ',
    ];
    const texts = Array.from({ length: 70 }, (_, i) => `${base[i % base.length]} ${i}`);
    const batch = await embedder.embed(texts);
    expect(batch).toHaveLength(70);
    for (const i of [0, 1, 2, 3, 4, 33, 69]) {
      const [single] = await embedder.embed([texts[i]!]);
      expect(maxDiff(batch[i]!, single!)).toBeLessThan(1e-5);
    }
  });

  it('matches golden values (regenerating the model must not change it)', async () => {
    const [a, b] = await embedder.embed(['Linen shirt, white', 'Chemise en lin blanc']);
    // Captured once from the committed model; a change here means the model or the pooling changed.
    const golden = {
      a: [0.006931, -0.420209, 0.015516, -0.085264, -0.086031, -0.035727],
      b: [-0.062438, -0.121795, -0.187424, 0.040093, -0.078166, 0.143239],
    };
    for (const [i, g] of golden.a.entries()) expect(a![i]).toBeCloseTo(g, 4);
    for (const [i, g] of golden.b.entries()) expect(b![i]).toBeCloseTo(g, 4);
  });

  it('gives different texts different vectors, and empty texts zero vectors', async () => {
    const [a, b, empty, blank] = await embedder.embed(['leather boots', 'cotton dress', '', '   ']);
    expect(maxDiff(a!, b!)).toBeGreaterThan(1e-3);
    expect(empty!.every((x) => x === 0)).toBe(true);
    expect(blank!.every((x) => x === 0)).toBe(true);
    expect(empty).toHaveLength(32);
  });

  it('survives emoji, unknown scripts and a 1 MB text', async () => {
    const [emoji, huge] = await embedder.embed(['👕🔥 shirt', 'Lorem ipsum 😀 麻のシャツ '.repeat(40_000)]);
    expect(Math.sqrt(dot(emoji!, emoji!))).toBeCloseTo(1, 5);
    expect(Math.sqrt(dot(huge!, huge!))).toBeCloseTo(1, 5);
  });

  it('loads the full-precision file as a space of its own', async () => {
    const fp32 = await loadTransformersEmbedder({
      modelId: TINY,
      modelsDir: MODELS_DIR,
      allowRemote: false,
      quantized: false,
    });
    expect(fp32.space).toBe('tailor/tiny-bert@fp32');
    // The test model ships the same weights under both names.
    const [x] = await fp32.embed(['Linen shirt, white']);
    const [y] = await embedder.embed(['Linen shirt, white']);
    expect(maxDiff(x!, y!)).toBeLessThan(1e-6);
    await fp32.dispose?.();
  });

  it('adds the e5 prefixes by role for multilingual-e5-small', async () => {
    // The tiny model's files under the e5 id: the prefixes are what differs.
    const dir = tempDir();
    fs.cpSync(path.join(MODELS_DIR, TINY), path.join(dir, 'Xenova/multilingual-e5-small'), {
      recursive: true,
    });
    const e5 = await loadTransformersEmbedder({
      modelId: 'Xenova/multilingual-e5-small',
      modelsDir: dir,
      allowRemote: false,
      quantized: true,
    });
    expect(e5.space).toBe('Xenova/multilingual-e5-small@q8');
    expect(e5.dimensions).toBe(32); // the folder's config.json wins over the table
    const [query] = await e5.embed(['linen shirt'], 'query');
    const [passage] = await e5.embed(['linen shirt'], 'passage');
    const [plainQuery, plainPassage] = await embedder.embed(['query: linen shirt', 'passage: linen shirt']);
    expect(maxDiff(query!, plainQuery!)).toBeLessThan(1e-5);
    expect(maxDiff(passage!, plainPassage!)).toBeLessThan(1e-5);
    await e5.dispose?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('loadTransformersEmbedder when the model cannot be loaded', () => {
  const dirs: string[] = [];
  const servers: http.Server[] = [];
  const emptyDir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function failure(p: Promise<unknown>): Promise<ModelUnavailableError> {
    const error = await p.then(
      () => new Error('loaded'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    return error as ModelUnavailableError;
  }

  it('fails at once with install instructions when the folder is missing and downloads are off', async () => {
    const dir = emptyDir();
    const started = Date.now();
    const error = await failure(
      loadTransformersEmbedder({
        modelId: 'Xenova/multilingual-e5-small',
        modelsDir: dir,
        allowRemote: false,
        quantized: true,
      }),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.reason).toBe('not_installed');
    expect(error.modelId).toBe('Xenova/multilingual-e5-small');
    expect(error.message).toContain(`Model Xenova/multilingual-e5-small is not installed in ${dir}`);
    expect(error.message).toContain('download is disabled (TAILOR_ALLOW_MODEL_DOWNLOAD)');
    expect(error.message).toContain(path.join(dir, 'Xenova/multilingual-e5-small'));
  });

  it('names the missing files of an incomplete folder', async () => {
    const dir = emptyDir();
    fs.mkdirSync(path.join(dir, 'acme/half'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'acme/half/config.json'), '{}');
    const error = await failure(
      loadTransformersEmbedder({ modelId: 'acme/half', modelsDir: dir, allowRemote: false, quantized: true }),
    );
    expect(error.reason).toBe('incomplete');
    expect(error.message).toContain('onnx/model_quantized.onnx');
  });

  it('refuses ids that are not <org>/<name> folders', async () => {
    for (const id of ['../etc', 'a/../../b', '/abs/path', 'single']) {
      const error = await failure(
        loadTransformersEmbedder({ modelId: id, modelsDir: MODELS_DIR, allowRemote: false, quantized: true }),
      );
      expect(error.reason).toBe('invalid_id');
    }
  });

  describe('with downloads allowed', () => {
    beforeAll(() => {
      // Transformers.js warns once per file it does not find locally before it asks the hub.
      vi.spyOn(console, 'warn').mockImplementation(() => {});
    });
    afterAll(() => vi.restoreAllMocks());

    async function serve(handler: http.RequestListener): Promise<string> {
      const server = http.createServer(handler);
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    }

    it('reports an unreachable hub (closed port) instead of hanging', async () => {
      const host = await serve(() => {});
      const closed = servers.pop()!;
      await new Promise((r) => closed.close(r));
      const error = await failure(
        loadTransformersEmbedder({
          modelId: 'Xenova/multilingual-e5-small',
          modelsDir: emptyDir(),
          allowRemote: true,
          quantized: true,
          remoteHost: host,
          timeoutMs: 5000,
        }),
      );
      expect(error.reason).toBe('download_failed');
      expect(error.message).toContain('Xenova/multilingual-e5-small');
    });

    it('reports a hub that answers 404', async () => {
      const host = await serve((_req, res) => res.writeHead(404).end('not found'));
      const error = await failure(
        loadTransformersEmbedder({
          modelId: 'Xenova/multilingual-e5-small',
          modelsDir: emptyDir(),
          allowRemote: true,
          quantized: true,
          remoteHost: host,
          timeoutMs: 5000,
        }),
      );
      expect(error.reason).toBe('download_failed');
      expect(error.message).toContain(`could not be downloaded from ${host}`);
    });

    it('gives up on a hub that never answers after timeoutMs', async () => {
      const host = await serve(() => {}); // accepts, never responds
      const started = Date.now();
      const error = await failure(
        loadTransformersEmbedder({
          modelId: 'Xenova/multilingual-e5-small',
          modelsDir: emptyDir(),
          allowRemote: true,
          quantized: true,
          remoteHost: host,
          timeoutMs: 300,
        }),
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(error.reason).toBe('timeout');
      expect(error.message).toContain('did not load within');
    });
  });
});
