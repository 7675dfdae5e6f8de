import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type Env, getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { createLexicalEmbedder, LEXICAL_SPACE } from './lexical';
import {
  getKnownModel,
  isValidModelId,
  KNOWN_MODELS,
  loadTransformersEmbedder,
  ModelUnavailableError,
  transformersSpace,
} from './transformers';
import type { AvailableModel, Embedder, EmbedderStatus } from './types';

/**
 * Which embedder serves a workspace. Models are loaded once per process and shared by every
 * tenant (an ONNX session is ~100 MB and thread-safe; the vectors it makes are not tenant data
 * until stored). When a model cannot be loaded, the lexical embedder stands in and the status
 * says why, so search keeps working and the Models page can explain.
 */

/** A workspace's embedder setting: `auto` (the deployment's model, else lexical), `lexical`, or `model:<org>/<name>`. */
export type EmbedderSetting = 'auto' | 'lexical' | `model:${string}`;

// A slow failure (hub timeout, damaged files) is not retried by every request for this long.
const FAILURE_TTL_MS = 5 * 60_000;

interface Cache {
  loaded: Map<string, Promise<Embedder>>;
  failures: Map<string, { error: ModelUnavailableError; until: number }>;
}
// On globalThis: Next's bundle and the custom server are two module graphs in one process, and
// should share one ONNX session per model.
const g = globalThis as unknown as { __tailorEmbedders?: Cache };
g.__tailorEmbedders ??= { loaded: new Map(), failures: new Map() };
const cache: Cache = g.__tailorEmbedders;

const lexical = createLexicalEmbedder();

const SETTING_MESSAGE =
  'Choose auto, lexical, or model:<org>/<name> (for example model:Xenova/multilingual-e5-small).';
/** The setting as the settings form validates it (trimmed; `model:` needs an `<org>/<name>` id). */
export const embedderSettingSchema = z
  .string({ error: SETTING_MESSAGE })
  .trim()
  .refine((s) => s === 'auto' || s === 'lexical' || (s.startsWith('model:') && isValidModelId(s.slice(6))), {
    message: SETTING_MESSAGE,
  })
  .transform((s) => s as EmbedderSetting);

/** Parses a setting string; throws AppError `validation_failed` (field `embedder`) when it is not one. */
export function parseEmbedderSetting(input: unknown): EmbedderSetting {
  const parsed = embedderSettingSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', SETTING_MESSAGE, { embedder: [SETTING_MESSAGE] });
}

/**
 * The model as a shared Embedder, loading it on first use. Throws ModelUnavailableError; slow
 * failures are remembered for 5 minutes. A missing or incomplete folder is found by a cheap
 * file check and not remembered, so a model installed while the server runs is picked up at once.
 */
async function loadShared(modelId: string, quantized: boolean, env: Env): Promise<Embedder> {
  const key = `${env.modelsDir}|${transformersSpace(modelId, quantized)}`;
  const failed = cache.failures.get(key);
  if (failed && failed.until > Date.now()) throw failed.error;
  let loading = cache.loaded.get(key);
  if (!loading) {
    loading = loadTransformersEmbedder({
      modelId,
      modelsDir: env.modelsDir,
      allowRemote: env.TAILOR_ALLOW_MODEL_DOWNLOAD === true,
      quantized,
    });
    cache.loaded.set(key, loading);
    loading.catch((error: unknown) => {
      cache.loaded.delete(key);
      const e =
        error instanceof ModelUnavailableError
          ? error
          : new ModelUnavailableError(modelId, 'load_failed', `Model ${modelId} could not be loaded.`, error);
      if (e.reason === 'not_installed' || e.reason === 'incomplete' || e.reason === 'invalid_id') return;
      cache.failures.set(key, { error: e, until: Date.now() + FAILURE_TTL_MS });
      log('warn', 'embeddings.model_unavailable', { modelId, reason: e.reason, error: e.cause ?? e });
    });
  }
  return loading;
}

function statusOf(embedder: Embedder, requested: string, reason?: string): EmbedderStatus {
  return {
    requested,
    space: embedder.space,
    label: embedder.label,
    kind: embedder.kind,
    dimensions: embedder.dimensions,
    fallback: reason !== undefined,
    ...(reason !== undefined ? { reason } : {}),
  };
}

/**
 * The embedder for a workspace setting (`auto`, `lexical`, `model:<id>`) and how it was chosen.
 * Never throws for an unavailable model: the lexical embedder stands in with `fallback: true`
 * and the reason. The first call for a model waits for it to load (seconds; up to 20 s when
 * downloading is allowed and the hub does not answer).
 */
export async function resolveEmbedder(
  requested: string,
  opts: { env?: Env } = {},
): Promise<{ embedder: Embedder; status: EmbedderStatus }> {
  const env = opts.env ?? getEnv();
  const setting = embedderSettingSchema.safeParse(requested);
  if (!setting.success) {
    return {
      embedder: lexical,
      status: statusOf(lexical, requested, `Unknown embedder setting "${requested}".`),
    };
  }
  if (setting.data === 'lexical') return { embedder: lexical, status: statusOf(lexical, requested) };
  const modelId = setting.data === 'auto' ? env.TAILOR_EMBEDDING_MODEL : setting.data.slice('model:'.length);
  try {
    const embedder = await loadShared(modelId, env.TAILOR_MODEL_FULL_PRECISION !== true, env);
    return { embedder, status: statusOf(embedder, requested) };
  } catch (error) {
    const reason = error instanceof AppError ? error.message : `Model ${modelId} could not be loaded.`;
    return { embedder: lexical, status: statusOf(lexical, requested, reason) };
  }
}

/**
 * The embedder that made vectors of `space` (`lexical@1`, `<org>/<name>@q8|fp32`), so a query is
 * embedded in the same space as the stored vectors; null when that model cannot be loaded now
 * (search in that space is unavailable until it can, or until the catalog is re-embedded).
 */
export async function embedderForSpace(space: string, opts: { env?: Env } = {}): Promise<Embedder | null> {
  if (space === LEXICAL_SPACE) return lexical;
  const match = /^(.+)@(q8|fp32)$/.exec(space);
  const modelId = match?.[1];
  if (!modelId || !isValidModelId(modelId)) return null;
  try {
    return await loadShared(modelId, match[2] === 'q8', opts.env ?? getEnv());
  } catch {
    return null;
  }
}

/** Forgets remembered load failures (tests; after installing a model or fixing the network). */
export function forgetModelFailures(): void {
  cache.failures.clear();
}

async function readHiddenSize(dir: string): Promise<number | undefined> {
  try {
    const config: unknown = JSON.parse(await fs.readFile(path.join(dir, 'config.json'), 'utf8'));
    const size = (config as { hidden_size?: unknown }).hidden_size;
    return typeof size === 'number' ? size : undefined;
  } catch {
    return undefined;
  }
}

/** `<root>/<org>/<name>/` folders with a config.json and at least one onnx/*.onnx. */
async function scanModelFolders(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const subdirs = async (dir: string) =>
    (await fs.readdir(dir, { withFileTypes: true }).catch(() => []))
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name);
  for (const org of await subdirs(root)) {
    for (const name of await subdirs(path.join(root, org))) {
      const dir = path.join(root, org, name);
      const onnx = await fs.readdir(path.join(dir, 'onnx')).catch(() => []);
      const hasConfig = await fs.stat(path.join(dir, 'config.json')).then(
        (s) => s.isFile(),
        () => false,
      );
      if (hasConfig && onnx.some((f) => f.endsWith('.onnx')) && isValidModelId(`${org}/${name}`)) {
        found.set(`${org}/${name}`, dir);
      }
    }
  }
  return found;
}

/**
 * The models this deployment can offer: the known ones and the configured one (installed or
 * not), then every other model folder under MODELS_DIR (or its download cache). Dimensions come
 * from an installed folder's config.json, else from the known-model table.
 */
export async function listAvailableModels(env: Env = getEnv()): Promise<AvailableModel[]> {
  const installed = await scanModelFolders(path.join(env.modelsDir, '.cache'));
  for (const [id, dir] of await scanModelFolders(env.modelsDir)) installed.set(id, dir); // MODELS_DIR wins
  const ids = [...KNOWN_MODELS.map((m) => m.id)];
  if (isValidModelId(env.TAILOR_EMBEDDING_MODEL) && !ids.includes(env.TAILOR_EMBEDDING_MODEL)) {
    ids.push(env.TAILOR_EMBEDDING_MODEL);
  }
  ids.push(...[...installed.keys()].filter((id) => !ids.includes(id)).sort());
  return Promise.all(
    ids.map(async (id): Promise<AvailableModel> => {
      const dir = installed.get(id);
      const dimensions = (dir ? await readHiddenSize(dir) : undefined) ?? getKnownModel(id)?.dimensions;
      return {
        id,
        installed: dir !== undefined,
        ...(dir ? { path: dir } : {}),
        ...(dimensions !== undefined ? { dimensions } : {}),
      };
    }),
  );
}
