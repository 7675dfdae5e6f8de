import { configureTransformersEnv, inModelLoadTurn } from './transformers-env';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import type { Embedder, TextRole } from './types';

/**
 * Transformers.js embedders: a local (or, when allowed, downloaded) ONNX model run by
 * onnxruntime-node. `@xenova/transformers` is imported only when a model is loaded: it pulls in
 * onnxruntime and costs hundreds of ms, which the lexical path must not pay.
 */

/** Models the product knows how to use well (prefixes, dimensions without loading). */
export interface KnownModel {
  id: string;
  label: string;
  dimensions: number;
  /** e5 models are trained with `query: ` / `passage: ` in front of the text. */
  prefixes?: Record<TextRole, string>;
}

export const KNOWN_MODELS: readonly KnownModel[] = [
  {
    id: 'Xenova/multilingual-e5-small',
    label: 'multilingual-e5-small',
    dimensions: 384,
    prefixes: { query: 'query: ', passage: 'passage: ' },
  },
  {
    id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    label: 'paraphrase-multilingual-MiniLM-L12-v2',
    dimensions: 384,
  },
];

/** The space id of a model's vectors: the precision is part of it (q8 and fp32 vectors differ). */
export const transformersSpace = (modelId: string, quantized: boolean): string =>
  `${modelId}@${quantized ? 'q8' : 'fp32'}`;

export const getKnownModel = (id: string): KnownModel | undefined => KNOWN_MODELS.find((m) => m.id === id);

// `<org>/<name>`, as on the hub; no `..`, no absolute paths: the id becomes a folder under MODELS_DIR.
const MODEL_ID_RE = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

/** True for ids of the form `<org>/<name>` that are safe to use as a folder path. */
export const isValidModelId = (id: string): boolean => MODEL_ID_RE.test(id) && !id.includes('..');

/** The files Transformers.js needs to build a feature-extraction pipeline. */
export const requiredModelFiles = (quantized: boolean): string[] => [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx',
];

/**
 * Where the model's files are: `<modelsDir>/<id>/`, or the download cache `<modelsDir>/.cache/<id>/`
 * that Transformers.js fills when downloads are allowed (and reads even when they are not).
 * `missing` lists what an existing but incomplete folder lacks.
 */
export function findModelFolder(
  modelsDir: string,
  modelId: string,
  quantized: boolean,
): { path: string | null; missing: string[] | null } {
  let missing: string[] | null = null;
  // Paths known only at run time: tell Turbopack not to trace the whole project from here.
  const dirs = [
    path.join(/*turbopackIgnore: true*/ modelsDir, modelId),
    path.join(/*turbopackIgnore: true*/ modelsDir, '.cache', modelId),
  ];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    const lacking = requiredModelFiles(quantized).filter(
      (f) => !fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, f)),
    );
    if (lacking.length === 0) return { path: dir, missing: null };
    missing ??= lacking;
  }
  return { path: null, missing };
}

export type ModelUnavailableReason =
  | 'invalid_id'
  | 'not_installed'
  | 'incomplete'
  | 'download_failed'
  | 'timeout'
  | 'load_failed';

/**
 * A model cannot be used now. The message is written for the Models page (what is wrong, how to
 * install); the library's raw error, when there is one, stays in `cause` for logs.
 */
export class ModelUnavailableError extends AppError {
  constructor(
    readonly modelId: string,
    readonly reason: ModelUnavailableReason,
    message: string,
    cause?: unknown,
  ) {
    super('internal', message);
    this.name = 'ModelUnavailableError';
    if (cause !== undefined) this.cause = cause;
  }
}

export interface TransformersEmbedderOptions {
  /** Hub-style id, `<org>/<name>` (`Xenova/multilingual-e5-small`), also its folder under `modelsDir`. */
  modelId: string;
  /** Absolute or relative folder holding `<org>/<name>/{config.json,tokenizer.json,onnx/…}`. */
  modelsDir: string;
  /** Download from the model hub when the folder is missing (TAILOR_ALLOW_MODEL_DOWNLOAD). */
  allowRemote: boolean;
  /** Load `onnx/model_quantized.onnx` (int8) instead of `onnx/model.onnx`. */
  quantized: boolean;
  /** Another hub (a mirror, or a local server in tests); the library's default otherwise. */
  remoteHost?: string;
  /** Give up loading after this long, in ms (default 20,000): an unreachable hub must not hang a request. */
  timeoutMs?: number;
}

export const MAX_BATCH = 32;
const DEFAULT_TIMEOUT_MS = 20_000;
// Texts are truncated to the model's token limit (512 for the known models, a few thousand
// characters at most); cutting far beyond that spares the tokenizer a pasted megabyte.
const MAX_CHARS = 20_000;

/** The slice of the Transformers.js feature-extraction pipeline this module uses. */
interface FeatureExtractor {
  (
    texts: string[],
    options: { pooling: 'mean'; normalize: boolean },
  ): Promise<{ dims: number[]; data: ArrayLike<number> }>;
  model: { config?: { hidden_size?: unknown } };
  dispose(): Promise<void>;
}

/**
 * Rejects with `onTimeout()` when `work` takes longer than `ms`. The work itself cannot be
 * cancelled (a hung fetch inside the library); if it succeeds late, `discard` frees the result.
 */
function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  discard: (v: T) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(onTimeout());
    }, ms);
    work.then(
      (v) => {
        if (settled) return discard(v);
        settled = true;
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

const installHint = (modelId: string, modelsDir: string, quantized: boolean) =>
  `Install it by putting the model's files under ${path.join(modelsDir, modelId)}/ ` +
  `(config.json, tokenizer.json, tokenizer_config.json, ${requiredModelFiles(quantized).at(-1)}), ` +
  'or allow downloads with TAILOR_ALLOW_MODEL_DOWNLOAD=true where the model hub is reachable.';

/** Why a load failed, in words for the Models page; the raw error stays in `cause` for logs. */
function explain(error: unknown, o: TransformersEmbedderOptions, host: string): ModelUnavailableError {
  if (error instanceof ModelUnavailableError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // Transformers.js reports hub failures as `fetch failed` (no connection) or "Could not locate file" (HTTP status).
  const fetchFailed =
    /fetch failed|Could not locate file|occurred while trying to load file|ENOTFOUND|ECONNREFUSED/i;
  if (o.allowRemote && fetchFailed.test(message)) {
    return new ModelUnavailableError(
      o.modelId,
      'download_failed',
      `Model ${o.modelId} is not installed in ${o.modelsDir} and could not be downloaded from ${host}. ` +
        installHint(o.modelId, o.modelsDir, o.quantized),
      error,
    );
  }
  return new ModelUnavailableError(
    o.modelId,
    'load_failed',
    `Model ${o.modelId} could not be loaded from ${o.modelsDir}: its files may be damaged or of an unsupported architecture.`,
    error,
  );
}

/**
 * Loads a Transformers.js feature-extraction model as an Embedder (mean pooling, unit length).
 * Throws ModelUnavailableError at once when the folder is missing and downloads are off, and
 * within `timeoutMs` when downloading or loading fails or hangs.
 */
export async function loadTransformersEmbedder(opts: TransformersEmbedderOptions): Promise<Embedder> {
  const { modelId, quantized } = opts;
  const modelsDir = path.resolve(opts.modelsDir);
  const o = { ...opts, modelsDir };
  if (!isValidModelId(modelId)) {
    throw new ModelUnavailableError(
      modelId,
      'invalid_id',
      `"${modelId}" is not a model id of the form <org>/<name>.`,
    );
  }
  const local = findModelFolder(modelsDir, modelId, quantized);
  if (!local.path && !opts.allowRemote) {
    const what = local.missing
      ? `is incomplete in ${modelsDir} (missing ${local.missing.join(', ')})`
      : `is not installed in ${modelsDir}`;
    throw new ModelUnavailableError(
      modelId,
      local.missing ? 'incomplete' : 'not_installed',
      `Model ${modelId} ${what}; download is disabled (TAILOR_ALLOW_MODEL_DOWNLOAD). ${installHint(modelId, modelsDir, quantized)}`,
    );
  }

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return inModelLoadTurn(async () => {
    let lib: typeof import('@xenova/transformers');
    try {
      lib = await import('@xenova/transformers');
    } catch (error) {
      throw new ModelUnavailableError(
        modelId,
        'load_failed',
        'The Transformers.js runtime (@xenova/transformers, onnxruntime-node) could not be loaded on this server.',
        error,
      );
    }
    const { pipeline, env } = lib;
    configureTransformersEnv(env, { modelsDir, allowRemote: opts.allowRemote, remoteHost: opts.remoteHost });
    const host = env.remoteHost;

    const loading = pipeline('feature-extraction', modelId, {
      quantized,
    }) as unknown as Promise<FeatureExtractor>;
    const timedOut = () =>
      new ModelUnavailableError(
        modelId,
        'timeout',
        `Model ${modelId} did not load within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}` +
          (local.path ? '.' : ` (downloading from ${host}: is the model hub reachable?). `) +
          (local.path ? '' : installHint(modelId, modelsDir, quantized)),
      );
    try {
      const extractor = await withTimeout(loading, timeoutMs, timedOut, (late) => {
        late.dispose().catch(() => {});
      });
      return await createEmbedder(extractor, o);
    } catch (error) {
      throw explain(error, o, host);
    }
  });
}

async function createEmbedder(
  extractor: FeatureExtractor,
  o: TransformersEmbedderOptions,
): Promise<Embedder> {
  const known = getKnownModel(o.modelId);
  const prefixes: Partial<Record<TextRole, string>> = known?.prefixes ?? {};

  async function run(texts: string[]): Promise<Float32Array[]> {
    const out = await extractor(texts, { pooling: 'mean', normalize: true });
    const dims = out.dims[1] ?? 0;
    const data = Float32Array.from(out.data);
    return texts.map((_, i) => data.slice(i * dims, (i + 1) * dims));
  }

  const hidden = extractor.model.config?.hidden_size;
  // The model's own config is the truth; the table covers configs without `hidden_size`.
  const dimensions =
    typeof hidden === 'number' ? hidden : (known?.dimensions ?? (await run(['dimensions']))[0]?.length ?? 0);

  return {
    space: transformersSpace(o.modelId, o.quantized),
    label: known?.label ?? o.modelId.split('/').at(-1) ?? o.modelId,
    kind: 'transformers',
    dimensions,
    maxBatch: MAX_BATCH,
    async embed(texts, role = 'passage') {
      const vectors: Float32Array[] = texts.map(() => new Float32Array(dimensions));
      // Empty texts stay zero vectors (the contract); the rest go to the model in batches.
      const nonEmpty = texts.flatMap((t, i) => (t.trim() ? [i] : []));
      const prefix = prefixes[role] ?? '';
      for (let start = 0; start < nonEmpty.length; start += MAX_BATCH) {
        const chunk = nonEmpty.slice(start, start + MAX_BATCH);
        const result = await run(chunk.map((i) => prefix + (texts[i] ?? '').slice(0, MAX_CHARS)));
        for (const [k, i] of chunk.entries()) vectors[i] = result[k] ?? vectors[i]!;
      }
      return vectors;
    },
    dispose: () => extractor.dispose(),
  };
}
