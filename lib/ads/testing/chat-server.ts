/**
 * A local stand-in for an OpenAI-compatible chat endpoint (POST /v1/chat/completions), for the
 * provider's tests and the generation bench. Binds 127.0.0.1 on a free port; nothing leaves the
 * machine. By default it answers with a small English creative built from the prompt (the field
 * keys of its "Answer format:" line and the first product); set `reply` to script any answer:
 * HTTP errors, malformed bodies, prose around the JSON, or a slow answer.
 */
import { startLocalServer } from '@/lib/connectors/testing/server';

/** A request as the server saw it. `body` is the parsed JSON (undefined when it was not JSON). */
export interface ChatRequest {
  path: string;
  authorization: string | undefined;
  body: ChatRequestBody | undefined;
}

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: string }[];
  temperature?: number;
  response_format?: { type: string };
  [key: string]: unknown;
}

/** What to answer: a completion with `content`, an HTTP `status` with an error, or a `raw` body. */
export interface ChatReply {
  /** Default 200. */
  status?: number;
  /** The assistant message's content (wrapped in a chat.completion object). */
  content?: string;
  /** Sent as the body verbatim instead (e.g. broken JSON). */
  raw?: string;
  /** Error message for a non-2xx status. */
  error?: string;
  finishReason?: string;
  /** Wait this long before answering, in ms. */
  delayMs?: number;
}

export interface ChatServer {
  /** `http://127.0.0.1:<port>/v1`, the base URL to configure. */
  baseUrl: string;
  /** Every request received, oldest first. */
  requests: ChatRequest[];
  /** The answer for the next requests; replace it between tests. */
  reply: (request: ChatRequest) => ChatReply;
  close(): Promise<void>;
}

export interface ChatServerOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** Answer 400 to any request with `response_format`, as some servers do. */
  rejectResponseFormat?: boolean;
}

const PHRASES = [
  '{title}',
  'New {title}',
  'Shop {title}',
  '{title} for you',
  'Discover {title}',
  'Shop now',
  'New arrivals',
  'Made for you',
  'Explore the collection',
  'Fresh picks for you',
  'Your next favourite',
  'See what is new',
  'Treat yourself today',
  'Find your style',
];

/**
 * The default answer: one English creative with the fields and counts the prompt asks for, each
 * text different (short shop phrases around the first product's title, rotated by the request's
 * seed so successive calls vary). A stand-in for throughput, not for good copy.
 */
export function sampleReply(request: ChatRequest): ChatReply {
  const prompt = (request.body?.messages ?? []).map((m) => m.content).join('\n');
  const shape = /^Answer format: (.*)$/m.exec(prompt)?.[1];
  const parsed = shape ? (JSON.parse(shape) as { creatives?: Record<string, unknown>[] }) : undefined;
  const keys = Object.keys(parsed?.creatives?.[0] ?? {});
  const title = /^1\. "([^"]+)"/m.exec(prompt)?.[1] ?? 'our collection';
  const seed = typeof request.body?.seed === 'number' ? request.body.seed : 0;
  const pool = PHRASES.map((_, i) => PHRASES[(i + seed) % PHRASES.length]!.replace('{title}', title));
  const used = new Set<string>();
  const creative: Record<string, string[]> = {};
  for (const key of keys) {
    const line = new RegExp(
      `^- "${key}" .*?(?:exactly (\\d+)|(\\d+) to \\d+) texts?, each at most (\\d+)`,
      'm',
    ).exec(prompt);
    const count = Number(line?.[1] ?? line?.[2] ?? 1);
    const limit = Number(line?.[3] ?? 30);
    const texts = pool.filter((p) => p.length <= limit && !used.has(p)).slice(0, count);
    for (const text of texts) used.add(text);
    creative[key] = texts;
  }
  return { content: JSON.stringify({ creatives: [creative] }) };
}

/** Starts the server on 127.0.0.1:0. Close it after the tests. */
export async function startChatServer(options: ChatServerOptions = {}): Promise<ChatServer> {
  const waits = new Set<() => void>();
  const requests: ChatRequest[] = [];
  const local = await startLocalServer(async (req) => {
    let body: ChatRequestBody | undefined;
    try {
      body = JSON.parse(req.body) as ChatRequestBody;
    } catch {
      body = undefined;
    }
    const request: ChatRequest = { path: req.url.pathname, authorization: req.headers.authorization, body };
    requests.push(request);
    const error = (status: number, message: string) => ({
      status,
      body: { error: { message, code: status } },
    });
    if (req.method !== 'POST' || req.url.pathname !== '/v1/chat/completions') return error(404, 'Not found');
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return error(401, 'Incorrect API key provided.');
    }
    if (!body) return error(400, 'The body is not JSON.');
    if (options.rejectResponseFormat && body.response_format) {
      return error(400, 'response_format is not supported by this server.');
    }
    const reply = server.reply(request);
    if (reply.delayMs) {
      // Resolved early by close(), so a test's slow answer never outlives the server.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waits.delete(done);
          resolve();
        };
        const timer = setTimeout(done, reply.delayMs);
        waits.add(done);
      });
    }
    const status = reply.status ?? 200;
    if (reply.raw !== undefined) return { status, body: reply.raw };
    if (status >= 300) return error(status, reply.error ?? `HTTP ${status}`);
    return {
      status,
      body: {
        id: `chatcmpl-${requests.length}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model ?? 'test-model',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.content ?? '' },
            finish_reason: reply.finishReason ?? 'stop',
          },
        ],
      },
    };
  });
  const server: ChatServer = {
    baseUrl: `${local.origin}/v1`,
    requests,
    reply: sampleReply,
    close: async () => {
      for (const done of [...waits]) done();
      await local.close();
    },
  };
  return server;
}
