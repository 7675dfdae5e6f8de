import { getEnv } from './env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are never written, at any depth (password, apiKey, x-api-key, …). */
const SECRET_WORD = /passw(or)?d|passphrase|secret|token|authori[sz]ation|cookie|credential/i;
/** `key`, `api_key`, `x-api-key`, `API_KEY`, `apiKey` — but not `keys`, `monkey` or `keyHash`. */
const KEY_NAME = [/^key$/i, /[-_.]key$/i, /[a-z0-9]Key$/];
const isSecretName = (name: string) => SECRET_WORD.test(name) || KEY_NAME.some((re) => re.test(name));
/** API keys inside any string (`sk_…`, `pk_…`), e.g. an echoed header or URL. */
const API_KEY = /\b(sk|pk)_[A-Za-z0-9_-]{8,}/g;
const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

/**
 * A copy of `value` safe to log: values of secret-named keys are replaced, API keys inside strings
 * are masked (their 3-character prefix kept to tell the kinds apart), Errors become
 * `{ error, stack }` with the same masking. Cycles and depth past 6 are cut.
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return value.replace(API_KEY, (_m, kind: string) => `${kind}_${REDACTED}`);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return { error: redact(value.message, depth + 1, seen), stack: redact(value.stack, depth + 1, seen) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretName(k) && v !== null && v !== undefined ? REDACTED : redact(v, depth + 1, seen);
  }
  return out;
}

/**
 * Structured one-line JSON logs. Secrets are redacted on the way out (see `redact`), but still do
 * not pass submitted passwords or keys on purpose.
 */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  let min: Level = 'info';
  try {
    min = getEnv().LOG_LEVEL;
  } catch {
    // configuration errors are reported elsewhere; keep logging
  }
  if (ORDER[level] < ORDER[min]) return;
  const { error, ...rest } = fields;
  const err = error instanceof Error ? (redact(error) as Record<string, unknown>) : {};
  const safe = redact(error instanceof Error ? rest : fields) as Record<string, unknown>;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: redact(message), ...safe, ...err });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}
