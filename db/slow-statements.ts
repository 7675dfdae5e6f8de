/**
 * Slow-statement log for the embedded database. PGlite executes every statement synchronously on
 * the calling thread, so a statement that runs for seconds is seconds in which the server answers
 * nothing. Wrapping its synchronous protocol call measures exactly that time (not the wait for
 * its query lock) and logs the statement's text, never its parameters.
 */
import { log } from '@/lib/log';

/** Statements blocking the thread at least this long are logged, ms. */
export const SLOW_STATEMENT_MS = 1_000;

interface RawSync {
  execProtocolRawSync(message: Uint8Array): unknown;
}

/**
 * The SQL text of a frontend protocol message: the Query ('Q') or Parse ('P') message's string,
 * shortened. Parameter values travel in Bind messages and are never part of it.
 */
export function statementText(message: Uint8Array, max = 240): string {
  const type = String.fromCharCode(message[0] ?? 0);
  if (type !== 'Q' && type !== 'P') return `(protocol message ${type})`;
  let at = 5;
  if (type === 'P') {
    while (at < message.length && message[at] !== 0) at++; // the statement's name
    at++;
  }
  let end = at;
  while (end < message.length && message[end] !== 0) end++;
  const text = new TextDecoder().decode(message.subarray(at, end)).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Wraps the client's synchronous protocol call to log statements slower than `thresholdMs`. A
 * prepared statement arrives as separate Parse, Bind, Execute and Sync calls: the text of the
 * last Parse or Query names the slow one.
 */
export function logSlowStatements(client: RawSync, thresholdMs = SLOW_STATEMENT_MS): void {
  const run = client.execProtocolRawSync.bind(client);
  let last = '';
  client.execProtocolRawSync = (message: Uint8Array) => {
    const type = message[0];
    if (type === 0x50 || type === 0x51) last = statementText(message); // 'P' or 'Q'
    const started = performance.now();
    try {
      return run(message);
    } finally {
      const ms = performance.now() - started;
      if (ms >= thresholdMs) log('warn', 'db.slow_statement', { ms: Math.round(ms), sql: last });
    }
  };
}
