/**
 * The OpenAI-compatible provider: any server speaking POST {baseUrl}/chat/completions (hosted
 * APIs, vLLM, llama.cpp, Ollama's /v1). One request per generate() call, no retries of its own:
 * the pipeline decides whether to try again. The API key goes only into the Authorization header;
 * it is never part of an error message or a log line (a server echoing it back is redacted).
 */
import { type Candidate, type CopyGenerator, GeneratorError, type GenerationRequest } from '../types';
import { parseCandidates } from './parse';
import { buildPrompt } from './prompt';

export const DEFAULT_OPENAI_TIMEOUT_MS = 20_000;
// Enough for a few creatives of any channel; keeps a runaway model from writing for minutes.
const MAX_TOKENS = 1500;

export interface OpenAiGeneratorOptions {
  /** e.g. `http://127.0.0.1:11434/v1`; `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>` when not empty. */
  apiKey?: string;
  /** Per request, in ms (default 20,000). */
  timeoutMs?: number;
  /** Runs before each request and throws GeneratorError when the endpoint may not be called. */
  checkEndpoint?: (url: URL) => Promise<void>;
  fetch?: typeof fetch;
}

/** The endpoint as it may appear in messages: scheme, host, port and path; no credentials or query. */
export function describeEndpoint(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

const seconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);

interface Completion {
  choices?: { message?: { content?: unknown }; finish_reason?: unknown }[];
}

/** The server's own error message, shortened and with the key blanked out. */
function serverMessage(body: string, apiKey: string | undefined): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const m = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof m === 'string') message = m;
  } catch {
    // not JSON: keep the text
  }
  if (apiKey) message = message.split(apiKey).join('***');
  message = message.replace(/\s+/g, ' ').trim();
  return message.length > 200 ? `${message.slice(0, 199)}…` : message;
}

function httpError(status: number, where: string, detail: string): GeneratorError {
  const why =
    status === 401 || status === 403
      ? 'refused the API key'
      : status === 404
        ? 'does not know this model or path'
        : status === 429
          ? 'is rate limiting or out of quota'
          : status >= 500
            ? 'had a server error'
            : 'rejected the request';
  return new GeneratorError(
    'http_error',
    `The model endpoint ${where} ${why} (HTTP ${status})${detail ? `: ${detail}` : ''}.`,
    status,
  );
}

/**
 * A CopyGenerator for an OpenAI-compatible chat endpoint. generate() throws GeneratorError:
 * 'unreachable' (no connection, or the endpoint check refused), 'timeout' (no complete answer
 * within `timeoutMs`), 'http_error' (non-2xx, with `status`), 'bad_response' (not a chat
 * completion, or no usable JSON in it). An abort by the caller's signal rethrows its reason.
 */
export function createOpenAiGenerator(options: OpenAiGeneratorOptions): CopyGenerator {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/chat/completions`);
  const where = describeEndpoint(url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPENAI_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  let jsonMode = true;

  async function post(
    body: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<{ status: number; text: string }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        redirect: 'error',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      return { status: res.status, text: await res.text() };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) {
        throw new GeneratorError(
          'timeout',
          `The model endpoint ${where} did not answer within ${seconds(timeoutMs)}.`,
        );
      }
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new GeneratorError(
        'unreachable',
        `Could not reach the model endpoint ${where}${typeof cause === 'string' ? ` (${cause})` : ''}.`,
      );
    }
  }

  return {
    provider: 'openai',
    model: options.model,
    async generate(request: GenerationRequest, signal?: AbortSignal): Promise<Candidate[]> {
      await options.checkEndpoint?.(url);
      const body = {
        model: options.model,
        messages: buildPrompt(request),
        temperature: Math.min(2, Math.max(0, request.temperature)),
      };
      // JSON mode, a seed and a token cap where the server accepts them; a server that rejects the
      // request (400) gets the plain one once, and is remembered so later calls send only that.
      const extras = { response_format: { type: 'json_object' }, seed: request.seed, max_tokens: MAX_TOKENS };
      let res = await post(jsonMode ? { ...body, ...extras } : body, signal);
      if (res.status === 400 && jsonMode) {
        res = await post(body, signal);
        if (res.status < 300) jsonMode = false;
      }
      if (res.status < 200 || res.status >= 300) {
        throw httpError(res.status, where, serverMessage(res.text, options.apiKey));
      }
      let completion: Completion;
      try {
        completion = JSON.parse(res.text) as Completion;
      } catch {
        throw new GeneratorError(
          'bad_response',
          `The model endpoint ${where} answered with something that is not JSON.`,
        );
      }
      const choice = completion.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== 'string') {
        throw new GeneratorError('bad_response', `The model endpoint ${where} answered without a message.`);
      }
      try {
        return parseCandidates(content, request);
      } catch (error) {
        if (error instanceof GeneratorError && choice?.finish_reason === 'length') {
          throw new GeneratorError(
            'bad_response',
            `${error.message} The answer was cut off at the token limit.`,
          );
        }
        throw error;
      }
    },
  };
}
