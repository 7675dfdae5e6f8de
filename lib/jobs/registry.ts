import type { z } from 'zod';
import type { JobContext, JobDefinition, JobResult, JsonObject } from './types';

/** A definition with its payload type erased, as the runners hold it. */
export type RegisteredJob = JobDefinition<unknown, JsonObject>;

// On globalThis: Next's bundle and the custom server are two module graphs in one process,
// and a job defined in either must be runnable by the one runner.
const g = globalThis as unknown as { __tailorJobTypes?: Map<string, RegisteredJob> };
g.__tailorJobTypes ??= new Map();
const registry = g.__tailorJobTypes;

const TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface DefineJobOptions<P, C extends JsonObject> {
  /** `area.verb-noun`, e.g. `catalog.import-products`. Stored in every job row: never rename. */
  type: string;
  maxAttempts?: number;
  timeoutMs?: number;
  backoffMs?: number;
  schema?: z.ZodType<P>;
  run: (ctx: JobContext<P, C>) => Promise<JobResult>;
}

/**
 * Declares a job type and registers its handler in this process. Defining a type again
 * replaces the handler (hot reload, a second module graph). Throws on a malformed type name
 * or a maxAttempts outside 1..100.
 */
export function defineJob<P = JsonObject, C extends JsonObject = JsonObject>(
  options: DefineJobOptions<P, C>,
): JobDefinition<P, C> {
  if (!TYPE_PATTERN.test(options.type))
    throw new Error(`Invalid job type "${options.type}" (use area.verb-noun).`);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) {
    throw new Error(`maxAttempts of ${options.type} must be an integer in 1..100.`);
  }
  const definition: JobDefinition<P, C> = { ...options, maxAttempts };
  registry.set(options.type, definition as unknown as RegisteredJob);
  return definition;
}

/** The handler registered for a type, or null (unknown here: this process does not run it). */
export function getJobDefinition(type: string): RegisteredJob | null {
  return registry.get(type) ?? null;
}

/** Every type this process can run, sorted. */
export function listJobTypes(): string[] {
  return [...registry.keys()].sort();
}

/** Tests only: forgets a type so a test can redefine it from scratch. */
export function unregisterJob(type: string): void {
  registry.delete(type);
}
