/**
 * Worker-thread entry of fitAndScoreOffThread: fits, evaluates and scores one prediction kind
 * from `workerData` and posts the outcome (or the error's kind and message) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type FitRequest, fitAndScore, type WorkerReply } from './fit-and-score';
import { TooLittleData } from './service-evaluate';

async function main(): Promise<void> {
  let reply: WorkerReply;
  try {
    reply = { ok: true, outcome: await fitAndScore(workerData as FitRequest) };
  } catch (error) {
    reply = {
      ok: false,
      tooLittle: error instanceof TooLittleData,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  parentPort?.postMessage(reply);
}

void main();
