import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ChatServer, sampleReply, startChatServer } from '../testing/chat-server';
import { LINEN_SHIRT, testRequest } from '../testing/requests';
import { GeneratorError } from '../types';
import { createOpenAiGenerator } from './openai';

const KEY = 'sk-test-0123456789abcdef';
const creative = { headlines: ['Linen Shirt', 'Shop Acme', 'New linen'], descriptions: ['Light.', 'Soft.'] };

async function failure(promise: Promise<unknown>): Promise<GeneratorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GeneratorError);
  const e = error as GeneratorError;
  // Whatever went wrong, the key never appears in what a merchant or a log sees.
  expect(e.message).not.toContain(KEY);
  return e;
}

describe('OpenAI-compatible provider against the local chat server', () => {
  let server: ChatServer;
  const generator = () =>
    createOpenAiGenerator({ baseUrl: server.baseUrl, model: 'test-model', apiKey: KEY });

  beforeAll(async () => {
    server = await startChatServer({ apiKey: KEY });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.reply = () => ({ content: JSON.stringify({ creatives: [creative] }) });
  });

  it('posts the prompt with model, temperature, JSON mode and the key, and returns candidates', async () => {
    const g = generator();
    expect(g.provider).toBe('openai');
    expect(g.model).toBe('test-model');
    const out = await g.generate(testRequest({ locale: 'de', temperature: 0.4, bannedWords: ['billig'] }));
    expect(out).toEqual([{ fields: creative, productIds: [LINEN_SHIRT.id] }]);

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.authorization).toBe(`Bearer ${KEY}`);
    expect(req?.body).toMatchObject({
      model: 'test-model',
      temperature: 0.4,
      seed: 42,
      response_format: { type: 'json_object' },
    });
    const user = req?.body?.messages?.find((m) => m.role === 'user')?.content ?? '';
    // The product facts with exact prices in the locale, the limits and the banned words travel with it.
    expect(user.replaceAll('\u00a0', ' ')).toContain(
      '"Linen Shirt" — brand Acme — category Shirts — price 49,00 € (was 59,00 €, 17 % off)',
    );
    expect(user).toContain('each at most 30 characters');
    expect(user).toContain('each at most 90 characters');
    expect(user).toContain('Never use these words: "billig"');
    expect(user).toContain('Language: German (de)');
  });

  it('reads JSON wrapped in prose and code fences', async () => {
    server.reply = () => ({
      content: `Here are your ads:\n\`\`\`json\n${JSON.stringify({ creatives: [creative, creative] })}\n\`\`\`\nGood luck!`,
    });
    expect(await generator().generate(testRequest())).toHaveLength(2);
  });

  it('the default sample reply fills the fields the prompt asks for, every text different', async () => {
    server.reply = sampleReply;
    const [meta] = await generator().generate(testRequest({ channel: 'meta' }));
    expect(meta?.fields).toEqual({ primaryText: ['Linen Shirt'], headline: ['New Linen Shirt'] });
    const [google] = await generator().generate(testRequest({ seed: 1 }));
    const texts = Object.values(google?.fields ?? {}).flat();
    expect(google?.fields.headlines).toHaveLength(5);
    expect(google?.fields.descriptions).toHaveLength(2);
    expect(new Set(texts).size).toBe(texts.length);
    expect(google?.fields.headlines?.[0]).toBe('New Linen Shirt');
  });

  it('maps a wrong key to http_error 401 without echoing the key', async () => {
    const g = createOpenAiGenerator({ baseUrl: server.baseUrl, model: 'm', apiKey: 'sk-wrong-key' });
    const e = await failure(g.generate(testRequest()));
    expect(e.code).toBe('http_error');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/refused the API key \(HTTP 401\): Incorrect API key provided/);
  });

  it('maps 429 and 500 to http_error with the status', async () => {
    server.reply = () => ({ status: 429, error: `Rate limit reached for key ${KEY}` });
    const limited = await failure(generator().generate(testRequest()));
    expect(limited).toMatchObject({ code: 'http_error', status: 429 });
    expect(limited.message).toMatch(/rate limiting.*Rate limit reached for key \*\*\*/);

    server.reply = () => ({ status: 500, error: 'boom' });
    expect(await failure(generator().generate(testRequest()))).toMatchObject({
      code: 'http_error',
      status: 500,
    });
  });

  it('maps a body that is not JSON, and JSON without creatives, to bad_response', async () => {
    server.reply = () => ({ raw: '{"choices": [ {"message": ' });
    const broken = await failure(generator().generate(testRequest()));
    expect(broken.code).toBe('bad_response');
    expect(broken.message).toMatch(/not JSON/);

    server.reply = () => ({ content: 'Sorry, I cannot write ads.' });
    expect((await failure(generator().generate(testRequest()))).code).toBe('bad_response');

    server.reply = () => ({ content: '{"creatives":[{"headlines":["a"', finishReason: 'length' });
    expect((await failure(generator().generate(testRequest()))).message).toMatch(
      /cut off at the token limit/,
    );
  });

  it('times out on a slow answer', async () => {
    server.reply = () => ({ delayMs: 5_000, content: '{}' });
    const g = createOpenAiGenerator({ baseUrl: server.baseUrl, model: 'm', apiKey: KEY, timeoutMs: 150 });
    const e = await failure(g.generate(testRequest()));
    expect(e.code).toBe('timeout');
    expect(e.message).toBe(
      `The model endpoint ${server.baseUrl}/chat/completions did not answer within 150 ms.`,
    );
  });

  it('rethrows the caller’s abort instead of calling it a provider failure', async () => {
    server.reply = () => ({ delayMs: 5_000, content: '{}' });
    const controller = new AbortController();
    const pending = generator().generate(testRequest(), controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled by the job')), 50);
    await expect(pending).rejects.toThrow('cancelled by the job');
  });

  it('runs the endpoint check before calling', async () => {
    const g = createOpenAiGenerator({
      baseUrl: server.baseUrl,
      model: 'm',
      checkEndpoint: async () => {
        throw new GeneratorError('unreachable', 'not allowed');
      },
    });
    expect((await failure(g.generate(testRequest()))).code).toBe('unreachable');
    expect(server.requests).toHaveLength(0);
  });
});

describe('OpenAI-compatible provider, other servers', () => {
  it('retries once without JSON mode when a server rejects it, then remembers', async () => {
    const server = await startChatServer({ rejectResponseFormat: true });
    try {
      server.reply = () => ({ content: JSON.stringify({ creatives: [creative] }) });
      const g = createOpenAiGenerator({ baseUrl: `${server.baseUrl}/`, model: 'm' });
      expect(await g.generate(testRequest())).toHaveLength(1);
      expect(await g.generate(testRequest())).toHaveLength(1);
      expect(server.requests.map((r) => r.body?.response_format?.type ?? 'none')).toEqual([
        'json_object',
        'none',
        'none',
      ]);
      expect(server.requests[1]?.authorization).toBeUndefined();
      expect(server.requests[1]?.body).not.toHaveProperty('seed');
    } finally {
      await server.close();
    }
  });

  it('maps a refused connection to unreachable', async () => {
    const server = await startChatServer();
    const baseUrl = server.baseUrl;
    await server.close();
    const e = await failure(
      createOpenAiGenerator({ baseUrl, model: 'm', apiKey: KEY }).generate(testRequest()),
    );
    expect(e.code).toBe('unreachable');
    expect(e.message).toMatch(
      /^Could not reach the model endpoint http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/,
    );
  });
});
