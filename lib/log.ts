import { getEnv } from './env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Structured one-line JSON logs. Never pass secrets or submitted passwords in `fields`. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  let min: Level = 'info';
  try {
    min = getEnv().LOG_LEVEL;
  } catch {
    // configuration errors are reported elsewhere; keep logging
  }
  if (ORDER[level] < ORDER[min]) return;
  const err = fields.error instanceof Error ? { error: fields.error.message, stack: fields.error.stack } : {};
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg: message, ...fields, ...err });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}
