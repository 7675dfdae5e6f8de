import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Env, getEnv } from '@/lib/env';
import { type ChatServer, startChatServer } from '../testing/chat-server';
import { TEST_MODELS_DIR, TINY_GPT2, testRequest } from '../testing/requests';
import { GeneratorError } from '../types';
import { type AdGeneratorSettings, endpointCheck, resolveGenerator } from './registry';

function envWith(overrides: Partial<Env> = {}): Env {
  return {
    ...getEnv(),
    NODE_ENV: 'test',
    modelsDir: TEST_MODELS_DIR,
    TAILOR_ALLOW_MODEL_DOWNLOAD: undefined,
    TAILOR_MODEL_FULL_PRECISION: undefined,
    TAILOR_ALLOW_LOCAL_STORES: undefined,
    ...overrides,
  };
}

function failure(fn: () => unknown): GeneratorError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorError);
    return error as GeneratorError;
  }
  throw new Error('expected a GeneratorError');
}

async function rejection(promise: Promise<unknown>): Promise<GeneratorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
}

describe('resolveGenerator', () => {
  let server: ChatServer;
  beforeAll(async () => {
    server = await startChatServer({ apiKey: 'sk-registry' });
  });
  afterAll(() => server.close());

  it('gives the template engine for provider template', () => {
    const g = resolveGenerator({ provider: 'template' }, { env: envWith() });
    expect(g.provider).toBe('template');
    expect(g.model).toBe('template:v1');
  });

  it('gives a working OpenAI-compatible generator with the settings’ key and timeout', async () => {
    const settings: AdGeneratorSettings = {
      provider: 'openai',
      openai: { baseUrl: ` ${server.baseUrl}/ `, model: ' test-model ', apiKey: 'sk-registry' },
      timeoutMs: 5_000,
    };
    const g = resolveGenerator(settings, { env: envWith() });
    expect(g).toMatchObject({ provider: 'openai', model: 'test-model' });
    const candidates = await g.generate(testRequest({ channel: 'banner' }));
    expect(candidates[0]?.fields.headline).toEqual(['Linen Shirt']);
    expect(server.requests.at(-1)?.authorization).toBe('Bearer sk-registry');
  });

  it('says model_missing when the OpenAI settings are incomplete or the URL is unusable', () => {
    const env = envWith();
    const openai = (o: Partial<NonNullable<AdGeneratorSettings['openai']>> | undefined) =>
      failure(() =>
        resolveGenerator(
          {
            provider: 'openai',
            ...(o ? { openai: { baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: '', ...o } } : {}),
          },
          { env },
        ),
      );
    expect(openai(undefined)).toMatchObject({
      code: 'model_missing',
      message: expect.stringMatching(/needs an endpoint base URL and a model name/),
    });
    expect(openai({ baseUrl: '  ' }).code).toBe('model_missing');
    expect(openai({ model: '' }).code).toBe('model_missing');
    expect(openai({ baseUrl: 'not a url' }).message).toMatch(/is not a web address/);
    expect(openai({ baseUrl: 'ftp://host/v1' }).message).toMatch(/http:\/\/ or https:\/\//);
    expect(openai({ baseUrl: 'https://user:secret@host.example/v1' }).message).toMatch(
      /API key in its own field/,
    );
  });

  it('gives the local generator for an installed model, model_missing otherwise', () => {
    const env = envWith();
    expect(resolveGenerator({ provider: 'local', localModel: TINY_GPT2 }, { env })).toMatchObject({
      provider: 'local',
      model: TINY_GPT2,
    });
    expect(failure(() => resolveGenerator({ provider: 'local' }, { env })).message).toMatch(
      /Choose a local text-generation model/,
    );
    expect(failure(() => resolveGenerator({ provider: 'local', localModel: ' ' }, { env })).code).toBe(
      'model_missing',
    );
    expect(
      failure(() => resolveGenerator({ provider: 'local', localModel: 'tailor/none' }, { env })).message,
    ).toMatch(/not installed/);
    // Full precision looks for the other file name; the test model has both.
    expect(
      resolveGenerator(
        { provider: 'local', localModel: TINY_GPT2 },
        { env: envWith({ TAILOR_MODEL_FULL_PRECISION: true }) },
      ).provider,
    ).toBe('local');
  });
});

describe('endpointCheck', () => {
  const production = envWith({ NODE_ENV: 'production' });
  const publicLookup = async () => [{ address: '93.184.216.34' }];

  it('lets anything through outside production or when local addresses are allowed', async () => {
    const lookup = async () => [{ address: '10.0.0.5' }];
    await expect(
      endpointCheck(envWith(), lookup)(new URL('http://127.0.0.1:8000/v1/chat/completions')),
    ).resolves.toBeUndefined();
    const allowed = envWith({ NODE_ENV: 'production', TAILOR_ALLOW_LOCAL_STORES: true });
    await expect(
      endpointCheck(allowed, lookup)(new URL('http://models.internal/v1/chat/completions')),
    ).resolves.toBeUndefined();
  });

  it('in production refuses this machine, plain http and private networks', async () => {
    const check = (url: string, lookup = publicLookup) =>
      rejection(endpointCheck(production, lookup)(new URL(url)));
    expect((await check('http://localhost:8000/v1/chat/completions')).message).toMatch(/is on this server/);
    expect((await check('http://llm.example.com/v1/chat/completions')).message).toMatch(/must use https/);
    const priv = await check('https://llm.example.com/v1/chat/completions', async () => [
      { address: '192.168.1.20' },
    ]);
    expect(priv).toMatchObject({ code: 'unreachable', message: expect.stringMatching(/private network/) });
    const gone = await check('https://nowhere.example.com/v1/chat/completions', async () => {
      throw new Error('ENOTFOUND');
    });
    expect(gone.message).toMatch(/does not resolve/);
  });

  it('accepts a public https endpoint and looks it up once', async () => {
    let lookups = 0;
    const check = endpointCheck(production, async () => {
      lookups++;
      return publicLookup();
    });
    const url = new URL('https://llm.example.com/v1/chat/completions');
    await check(url);
    await check(url);
    expect(lookups).toBe(1);
  });
});
