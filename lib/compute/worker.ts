/**
 * Worker-thread entry of runTaskOffThread: runs the task named in `workerData` and posts its
 * progress, then its result or its error (lib/compute/errors.ts) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorToWire } from './errors';
import type { WorkerData, WorkerMessage } from './run';
import { runTaskHere, type TaskInput } from './tasks';

async function main(): Promise<void> {
  const { name, input } = workerData as WorkerData;
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  try {
    const value = await runTaskHere(name, input as TaskInput<typeof name>, (p) =>
      post({ type: 'progress', value: p }),
    );
    post({ type: 'done', value });
  } catch (error) {
    post({ type: 'error', error: errorToWire(error) });
  }
}

void main();
