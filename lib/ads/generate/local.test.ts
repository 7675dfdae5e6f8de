import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../channels';
import { TEST_MODELS_DIR, TINY_GPT2, testRequest } from '../testing/requests';
import { type Candidate, GeneratorError } from '../types';
import { createLocalGenerator, findTextModelFolder, requiredTextModelFiles } from './local';

// The committed tiny decoder (scripts/models/make-tiny-gpt2.mjs): the real Transformers.js
// text-generation path with seeded-noise weights, so its "copy" is word salad.
const tiny = (overrides: { timeoutMs?: number; maxNewTokens?: number } = {}) =>
  createLocalGenerator({
    modelId: TINY_GPT2,
    modelsDir: TEST_MODELS_DIR,
    allowRemote: false,
    quantized: true,
    ...overrides,
  });

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof GeneratorError ? error.code : 'other';
  }
  return undefined;
}

describe('local provider with the tiny GPT-2 test model', () => {
  it('finds the committed model files', () => {
    expect(findTextModelFolder(TEST_MODELS_DIR, TINY_GPT2, true)).toBe(path.join(TEST_MODELS_DIR, TINY_GPT2));
    expect(findTextModelFolder(TEST_MODELS_DIR, TINY_GPT2, false)).toBe(
      path.join(TEST_MODELS_DIR, TINY_GPT2),
    );
    expect(requiredTextModelFiles(true)).toContain('onnx/decoder_model_merged_quantized.onnx');
  });

  it('runs the real text-generation path and turns its output into candidates of the channel', async () => {
    const g = tiny({ maxNewTokens: 160 });
    expect(g.provider).toBe('local');
    expect(g.model).toBe(TINY_GPT2);
    const request = testRequest({ channel: 'banner', count: 2, locale: 'ja' });
    const candidates: Candidate[] = await g.generate(request);
    // The tiny model writes many short lines (its newline bias), so the line fallback always has
    // enough for one banner; the text itself is noise the guardrails will reject.
    expect(candidates.length).toBeGreaterThanOrEqual(1);
    expect(candidates.length).toBeLessThanOrEqual(2);
    for (const c of candidates) {
      expect(Object.keys(c.fields)).toEqual(CHANNELS.banner.fields.map((f) => f.key));
      for (const texts of Object.values(c.fields)) {
        expect(texts).toHaveLength(1);
        expect(texts[0]).toMatch(/\p{L}/u);
      }
      expect(c.productIds.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it('stops a generation that runs past its time limit', async () => {
    // The model is loaded by the test above; 1 ms ends the run at the first generated token.
    const error = await tiny({ timeoutMs: 1 })
      .generate(testRequest())
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).code).toBe('timeout');
  }, 60_000);

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));
    await expect(tiny().generate(testRequest(), controller.signal)).rejects.toThrow('job cancelled');
  });
});

describe('local provider without a usable model', () => {
  it('refuses an invalid id and a model that is not installed, naming what to install', () => {
    const base = { modelsDir: TEST_MODELS_DIR, allowRemote: false, quantized: true };
    expect(codeOf(() => createLocalGenerator({ ...base, modelId: '../etc' }))).toBe('model_missing');
    let message = '';
    try {
      createLocalGenerator({ ...base, modelId: 'tailor/absent' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /tailor\/absent is not installed: put its files \(config\.json, .*decoder_model_merged_quantized\.onnx\)/,
    );
  });

  it('reports damaged files as model_missing when loading', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-gen-models-'));
    tempDirs.push(dir);
    const folder = path.join(dir, 'tailor/broken');
    fs.mkdirSync(path.join(folder, 'onnx'), { recursive: true });
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'generation_config.json']) {
      fs.copyFileSync(path.join(TEST_MODELS_DIR, TINY_GPT2, f), path.join(folder, f));
    }
    fs.writeFileSync(path.join(folder, 'onnx/decoder_model_merged_quantized.onnx'), 'not an onnx file');
    const g = createLocalGenerator({
      modelId: 'tailor/broken',
      modelsDir: dir,
      allowRemote: false,
      quantized: true,
    });
    // The library logs the failed session and its wasm retry; keep the test output clean.
    const quiet = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')].map((s) =>
      s.mockImplementation(() => {}),
    );
    const error = await g
      .generate(testRequest())
      .then(
        () => null,
        (e: unknown) => e,
      )
      .finally(() => {
        for (const s of quiet) s.mockRestore();
      });
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).code).toBe('model_missing');
    expect((error as GeneratorError).message).toMatch(/tailor\/broken could not be loaded/);
  }, 60_000);
});
