import type { z } from 'zod';
import { AppError } from './errors';

/** zod issues → `{ field: [messages] }` for forms and API bodies. */
export function fieldErrorsOf(error: {
  issues: { path: PropertyKey[]; message: string }[];
}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    const list = out[key] ?? [];
    list.push(issue.message);
    out[key] = list;
  }
  return out;
}

/** Parses or throws a `validation_failed` AppError with field-level messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'Check the highlighted fields.', fieldErrorsOf(parsed.error));
  }
  return parsed.data;
}
