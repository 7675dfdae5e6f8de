/**
 * Which CopyGenerator a workspace's ad settings stand for. The settings arrive decrypted (the
 * settings service unseals the API key); the key stays inside the generator it is given to.
 * Deployment-wide choices (models folder, downloads, precision, which hosts an endpoint may be
 * on) come from lib/env.ts.
 */
import { isLoopbackHost, isPrivateAddress } from '@/lib/connectors/urls';
import { type Env, getEnv } from '@/lib/env';
import { type AdProvider, type CopyGenerator, GeneratorError } from '../types';
import { createLocalGenerator } from './local';
import { createOpenAiGenerator, describeEndpoint } from './openai';
import { createTemplateGenerator } from './template';

/** A workspace's generator settings, plain (the API key already decrypted). */
export interface AdGeneratorSettings {
  provider: AdProvider;
  openai?: { baseUrl: string; model: string; apiKey: string };
  /** `<org>/<name>` under MODELS_DIR, for provider 'local'. */
  localModel?: string;
  /** Per generation, in ms (default 20 s for 'openai', 120 s for 'local'). */
  timeoutMs?: number;
}

type Lookup = (host: string) => Promise<{ address: string }[]>;

export interface ResolveOptions {
  env?: Env;
  /** DNS lookup for the endpoint check (tests); the system resolver otherwise. */
  lookup?: Lookup;
  fetch?: typeof fetch;
}

const systemLookup: Lookup = async (host) => {
  const dns = await import('node:dns');
  return dns.promises.lookup(host, { all: true });
};

/**
 * Where an OpenAI-compatible endpoint may be, so a workspace setting cannot point the server at
 * its own network: in production, https on a public address only; loopback and private
 * addresses (a model server next to the app) when TAILOR_ALLOW_LOCAL_STORES=true or outside
 * production. Throws GeneratorError('unreachable') naming the rule. Checked once per generator.
 */
export function endpointCheck(env: Env, lookup: Lookup = systemLookup): (url: URL) => Promise<void> {
  const allowLocal = env.TAILOR_ALLOW_LOCAL_STORES === true || env.NODE_ENV !== 'production';
  let passed = false;
  return async (url) => {
    if (passed || allowLocal) return;
    const where = describeEndpoint(url);
    if (isLoopbackHost(url.hostname)) {
      throw new GeneratorError(
        'unreachable',
        `The model endpoint ${where} is on this server, which is not allowed here.`,
      );
    }
    if (url.protocol !== 'https:') {
      throw new GeneratorError(
        'unreachable',
        `The model endpoint ${where} must use https (the API key is sent to it).`,
      );
    }
    let addresses: { address: string }[];
    try {
      addresses = await lookup(url.hostname.replace(/^\[|\]$/g, ''));
    } catch {
      throw new GeneratorError('unreachable', `The host of the model endpoint ${where} does not resolve.`);
    }
    if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
      throw new GeneratorError('unreachable', `The model endpoint ${where} points to a private network.`);
    }
    passed = true;
  };
}

function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new GeneratorError(
      'model_missing',
      `"${raw}" is not a web address; enter the endpoint's base URL, e.g. http://127.0.0.1:8000/v1.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GeneratorError('model_missing', 'The endpoint base URL must start with http:// or https://.');
  }
  if (url.username || url.password) {
    throw new GeneratorError('model_missing', 'Put the API key in its own field, not in the endpoint URL.');
  }
  return url;
}

/**
 * The generator for `settings`. Throws GeneratorError('model_missing') when the chosen provider
 * is not usable as configured: 'openai' without a base URL (or an invalid one) or model name,
 * 'local' without a model, with an invalid id, or with a model that is not installed while
 * downloads are off. Provider failures at generation time are the generators' own errors.
 */
export function resolveGenerator(settings: AdGeneratorSettings, options: ResolveOptions = {}): CopyGenerator {
  switch (settings.provider) {
    case 'template':
      return createTemplateGenerator();
    case 'openai': {
      const o = settings.openai;
      if (!o?.baseUrl.trim() || !o.model.trim()) {
        throw new GeneratorError(
          'model_missing',
          'The OpenAI-compatible provider needs an endpoint base URL and a model name in the ads settings.',
        );
      }
      const env = options.env ?? getEnv();
      const url = parseBaseUrl(o.baseUrl);
      return createOpenAiGenerator({
        baseUrl: `${url.origin}${url.pathname}`,
        model: o.model.trim(),
        apiKey: o.apiKey,
        ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
        checkEndpoint: endpointCheck(env, options.lookup),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    }
    case 'local': {
      const modelId = settings.localModel?.trim();
      if (!modelId) {
        throw new GeneratorError(
          'model_missing',
          'Choose a local text-generation model (<org>/<name>) in the ads settings.',
        );
      }
      const env = options.env ?? getEnv();
      return createLocalGenerator({
        modelId,
        modelsDir: env.modelsDir,
        allowRemote: env.TAILOR_ALLOW_MODEL_DOWNLOAD === true,
        quantized: env.TAILOR_MODEL_FULL_PRECISION !== true,
        ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      });
    }
  }
}
