/**
 * What every Transformers.js load in this process shares: the library's `env` is one object per
 * process and is read while files load, so loads take turns on one queue and set `env` first.
 * On globalThis: Next's bundle and the custom server share the one external module.
 */
import path from 'node:path';

const g = globalThis as unknown as { __tailorModelLoadQueue?: Promise<void>; __tailorHubHost?: string };

/** Runs `task` after every earlier model load of this process has finished. */
export async function inModelLoadTurn<T>(task: () => Promise<T>): Promise<T> {
  const previous = g.__tailorModelLoadQueue ?? Promise.resolve();
  let release = () => {};
  const mine = new Promise<void>((r) => {
    release = r;
  });
  g.__tailorModelLoadQueue = previous.then(() => mine);
  await previous;
  try {
    return await task();
  } finally {
    release();
  }
}

/** The subset of Transformers.js `env` that loads depend on. */
export interface TransformersEnv {
  localModelPath: string;
  allowLocalModels: boolean;
  allowRemoteModels: boolean;
  useFSCache: boolean;
  cacheDir: string;
  remoteHost: string;
}

/**
 * Points Transformers.js at the model folder (call inside inModelLoadTurn). Downloads only when
 * `allowRemote`; `remoteHost` overrides the hub (the library's own default is kept otherwise).
 */
export function configureTransformersEnv(
  env: TransformersEnv,
  opts: { modelsDir: string; allowRemote: boolean; remoteHost?: string },
): void {
  g.__tailorHubHost ??= env.remoteHost;
  env.localModelPath = `${opts.modelsDir}${path.sep}`;
  env.allowLocalModels = true;
  env.allowRemoteModels = opts.allowRemote;
  env.useFSCache = true;
  env.cacheDir = path.join(/*turbopackIgnore: true*/ opts.modelsDir, '.cache');
  env.remoteHost = opts.remoteHost ?? g.__tailorHubHost;
}
