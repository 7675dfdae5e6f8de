/**
 * Runs a task of lib/compute/tasks.ts on a worker thread where one can load the TypeScript
 * sources, else on this thread. In the embedded setup the job runner shares the web server's
 * event loop: a model fit or a fairness report is seconds of synchronous work, during which no
 * page, API call or storefront request would be answered. On a worker, the server stays
 * responsive; the data crosses by structured clone (typed arrays and plain objects).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type ErrorWire, errorFromWire } from './errors';
import { runTaskHere, type TaskInput, type TaskName, type TaskOutput, type TaskProgress } from './tasks';

/** Messages from lib/compute/worker.ts. */
export type WorkerMessage =
  | { type: 'progress'; value: unknown }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: ErrorWire };

export interface WorkerData {
  name: TaskName;
  input: unknown;
}

/**
 * Whether tasks run on a worker: in a process started through tsx (the self-hosted server and
 * worker, the CLI), whose loader the worker can register too; on this thread elsewhere (a Next
 * bundle, a test runner), where a worker could not load the sources.
 */
export function computesOffThread(): boolean {
  return process.execArgv.concat(process.argv).some((a) => /tsx/.test(a));
}

/**
 * The worker's bootstrap, found from the project root at run time: a `new URL(…, import.meta.url)`
 * would make Next's bundler try to bundle the worker (and tsx with it) into route handlers that
 * only enqueue jobs. The server, the CLI and the tests run from the project root.
 */
function workerFile(): string {
  return path.join(process.cwd(), 'lib', 'compute', 'worker-boot.mjs');
}

/** On a worker thread, whatever the process. Same result and errors as on this thread. */
export function runTaskOffThread<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  onProgress?: (p: TaskProgress<N>) => void,
): Promise<TaskOutput<N>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: { name, input } satisfies WorkerData });
    let settled = false;
    const settle = () => {
      settled = true;
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.value as TaskProgress<N>);
        return;
      }
      settle();
      if (message.type === 'done') resolve(message.value as TaskOutput<N>);
      else reject(errorFromWire(message.error));
    });
    worker.once('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The ${name} worker stopped (exit code ${code}).`));
    });
  });
}

/** On a worker where possible (see computesOffThread), else here. */
export function runTask<N extends TaskName>(
  name: N,
  input: TaskInput<N>,
  onProgress?: (p: TaskProgress<N>) => void,
): Promise<TaskOutput<N>> {
  return computesOffThread()
    ? runTaskOffThread(name, input, onProgress)
    : runTaskHere(name, input, onProgress);
}
