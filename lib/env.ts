import path from 'node:path';
import { z } from 'zod';

/**
 * Validated configuration. This is the only module that reads `process.env`;
 * everything else asks `getEnv()`.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  APP_URL: z.string().url().optional(),
  TAILOR_DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().url().optional(),
  POSTGRES_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  TAILOR_WORKER: z.enum(['inprocess', 'separate']).default('inprocess'),
  TAILOR_SEED_DEMO: boolish,
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tailor <no-reply@localhost>'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  TAILOR_ALLOW_SIGNUP: boolish,
  TRUST_PROXY: boolish,
  /** Where API rate-limit buckets live: this process (default) or Postgres, shared by every instance. */
  TAILOR_RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).default('memory'),
  /**
   * Keys for encrypting secrets at rest (store credentials): `1:<base64 32 bytes>,2:<…>`; the highest
   * version encrypts, all decrypt. Generated into the data folder for local use when missing.
   */
  TAILOR_ENCRYPTION_KEYS: z.string().optional(),
  TAILOR_ALLOW_LOCAL_STORES: boolish, // stores on http://127.0.0.1 (always allowed outside production)
  /** Folder of local Transformers.js models (`<MODELS_DIR>/<org>/<name>/{config.json,tokenizer.json,onnx/…}`). */
  MODELS_DIR: z.string().default('models'),
  /** The product-text model offered to workspaces (`auto` uses it when it loads). */
  TAILOR_EMBEDDING_MODEL: z.string().default('Xenova/multilingual-e5-small'),
  /** Allow downloading models from the model hub when they are not in MODELS_DIR (off by default). */
  TAILOR_ALLOW_MODEL_DOWNLOAD: boolish,
  /** Use the full-precision ONNX weights instead of the quantized ones. */
  TAILOR_MODEL_FULL_PRECISION: boolish,
  /** The directory the CLI was typed in (set by bin/tailor.mjs, which then moves to the project root). */
  TAILOR_CALLER_CWD: z.string().optional(),
  /** Set by npm for `npm run …`: the directory npm was called from. */
  INIT_CWD: z.string().optional(),
  /** Tests only: a real Postgres server to run the database tests against as well. */
  TEST_DATABASE_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof schema> & {
  dataDir: string;
  modelsDir: string;
  /** Where relative paths given on the command line are resolved from. */
  callerCwd: string;
  appUrl: string;
  databaseDriver: 'pglite' | 'node-postgres' | 'vercel-postgres';
};

let cached: Env | undefined;

/** Parses the environment once; throws with every invalid variable named. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    // Run-time paths: the comments keep Turbopack from tracing the whole project from here.
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.TAILOR_DATA_DIR),
    modelsDir: path.resolve(/*turbopackIgnore: true*/ e.MODELS_DIR),
    callerCwd: path.resolve(/*turbopackIgnore: true*/ e.TAILOR_CALLER_CWD ?? e.INIT_CWD ?? process.cwd()),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseDriver: e.DATABASE_URL ? 'node-postgres' : e.POSTGRES_URL ? 'vercel-postgres' : 'pglite',
  };
  return cached;
}

/** For tests and the bootstrap that fills in generated values (AUTH_SECRET). */
export function resetEnvCache(): void {
  cached = undefined;
}
