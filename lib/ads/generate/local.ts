import { configureTransformersEnv, inModelLoadTurn } from '@/lib/embeddings/transformers-env';
/**
 * The local provider: a Transformers.js text-generation model from MODELS_DIR, run by
 * onnxruntime-node on this server (no data leaves it). Small models often ignore the JSON format,
 * so their text goes through the line fallback of ./parse.ts; whatever comes out still has to pass
 * the guardrails. Sampling uses the library's own random source: unlike the template engine, the
 * output is not reproducible from `request.seed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isValidModelId } from '@/lib/embeddings/transformers';
import { type Candidate, type CopyGenerator, GeneratorError, type GenerationRequest } from '../types';
import { parseOrFallback } from './parse';
import { buildPrompt, type ChatMessage, promptText } from './prompt';

export const DEFAULT_LOCAL_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_NEW_TOKENS = 384;

export interface LocalGeneratorOptions {
  /** `<org>/<name>`, also its folder under `modelsDir`. */
  modelId: string;
  /** Absolute folder holding `<org>/<name>/{config.json,tokenizer.json,onnx/…}` (MODELS_DIR). */
  modelsDir: string;
  /** Download from the model hub when the folder is missing (TAILOR_ALLOW_MODEL_DOWNLOAD). */
  allowRemote: boolean;
  /** Load `onnx/decoder_model_merged_quantized.onnx` instead of the full-precision file. */
  quantized: boolean;
  /** Loading plus generating, in ms (default 120,000). */
  timeoutMs?: number;
  /** Most tokens one answer may have (default 384). */
  maxNewTokens?: number;
}

/** The files a Transformers.js decoder-only model needs (its cache-merged ONNX decoder). */
export const requiredTextModelFiles = (quantized: boolean): string[] => [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  `onnx/decoder_model_merged${quantized ? '_quantized' : ''}.onnx`,
];

/** The model's folder (installed, or in the download cache) when it has every file, else null. */
export function findTextModelFolder(modelsDir: string, modelId: string, quantized: boolean): string | null {
  const dirs = [
    path.join(/*turbopackIgnore: true*/ modelsDir, modelId),
    path.join(/*turbopackIgnore: true*/ modelsDir, '.cache', modelId),
  ];
  return (
    dirs.find((dir) => requiredTextModelFiles(quantized).every((f) => fs.existsSync(path.join(dir, f)))) ??
    null
  );
}

type GeneratedText = string | { role: string; content: string }[];

/** The slice of the Transformers.js text-generation pipeline used here. */
interface TextGenerationPipeline {
  (
    input: string | ChatMessage[],
    options: Record<string, unknown>,
  ): Promise<{ generated_text: GeneratedText }[]>;
  tokenizer: { chat_template?: unknown };
}

// One pipeline per model and precision in the process (on globalThis, like the embedders: Next's
// bundle and the custom server share it). The library's `env` is global, so loads take turns
// on the shared queue (lib/embeddings/transformers-env.ts).
const g = globalThis as unknown as {
  __tailorTextGenerators?: Map<string, Promise<TextGenerationPipeline>>;
};
g.__tailorTextGenerators ??= new Map();
const loaded = g.__tailorTextGenerators;

function load(o: LocalGeneratorOptions): Promise<TextGenerationPipeline> {
  const key = `${o.modelsDir}|${o.modelId}|${o.quantized ? 'q8' : 'fp32'}`;
  let loading = loaded.get(key);
  if (!loading) {
    loading = inModelLoadTurn(async () => {
      const { pipeline, env } = await import('@xenova/transformers');
      configureTransformersEnv(env, { modelsDir: o.modelsDir, allowRemote: o.allowRemote });
      return (await pipeline('text-generation', o.modelId, {
        quantized: o.quantized,
      })) as unknown as TextGenerationPipeline;
    });
    loaded.set(key, loading);
    // A failed load is not kept: fixing the files (or the network) makes the next call work.
    loading.catch(() => loaded.delete(key));
  }
  return loading;
}

class Deadline extends Error {}

/**
 * A CopyGenerator running `modelId` locally. Throws GeneratorError('model_missing') at once for
 * an invalid id or a model that is not installed while downloads are off. generate() throws
 * GeneratorError: 'model_missing' (the files do not load), 'timeout' (load plus generation took
 * longer than `timeoutMs`), 'bad_response' (the model failed, or wrote too little to fill one
 * creative). An abort by the caller's signal rethrows its reason.
 */
export function createLocalGenerator(options: LocalGeneratorOptions): CopyGenerator {
  const { modelId, modelsDir, quantized } = options;
  if (!isValidModelId(modelId)) {
    throw new GeneratorError('model_missing', `"${modelId}" is not a model id of the form <org>/<name>.`);
  }
  if (!options.allowRemote && !findTextModelFolder(modelsDir, modelId, quantized)) {
    throw new GeneratorError(
      'model_missing',
      `The text model ${modelId} is not installed: put its files (${requiredTextModelFiles(quantized).join(', ')}) ` +
        `under ${path.join(modelsDir, modelId)}/, or allow model downloads (TAILOR_ALLOW_MODEL_DOWNLOAD=true).`,
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCAL_TIMEOUT_MS;

  return {
    provider: 'local',
    model: modelId,
    async generate(request: GenerationRequest, signal?: AbortSignal): Promise<Candidate[]> {
      signal?.throwIfAborted();
      const deadline = Date.now() + timeoutMs;
      const timedOut = () =>
        new GeneratorError(
          'timeout',
          `The local model ${modelId} did not finish within ${Math.round(timeoutMs / 1000)} s.`,
        );
      let timer: NodeJS.Timeout | undefined;
      let generator: TextGenerationPipeline;
      try {
        generator = await Promise.race([
          load(options),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Deadline()), timeoutMs);
          }),
        ]);
      } catch (error) {
        if (error instanceof Deadline) throw timedOut();
        throw new GeneratorError(
          'model_missing',
          `The text model ${modelId} could not be loaded: ${message(error)}`,
        );
      } finally {
        clearTimeout(timer);
      }

      const messages = buildPrompt(request);
      const chat = generator.tokenizer.chat_template != null;
      const temperature = Math.min(1.5, Math.max(0, request.temperature));
      let output: { generated_text: GeneratedText }[];
      try {
        output = await generator(chat ? messages : promptText(messages), {
          max_new_tokens: options.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS,
          do_sample: temperature > 0,
          temperature: Math.max(0.05, temperature),
          top_k: 50,
          return_full_text: false,
          // Called after every token: the only place a running generation can be stopped.
          callback_function: () => {
            if (signal?.aborted || Date.now() > deadline) throw new Deadline();
          },
        });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof Deadline) throw timedOut();
        throw new GeneratorError(
          'bad_response',
          `The local model ${modelId} failed while writing: ${message(error)}`,
        );
      }
      const generated = output[0]?.generated_text;
      const text = typeof generated === 'string' ? generated : (generated?.at(-1)?.content ?? '');
      return parseOrFallback(text, request);
    },
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);
