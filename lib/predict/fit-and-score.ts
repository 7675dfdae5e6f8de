/**
 * Fitting, evaluating and scoring one prediction kind — the CPU-bound part of `predict.train` —
 * either on this thread or on a worker thread. In the embedded setup the job runner shares the
 * web server's event loop, and a fit or a 5-fold evaluation is seconds of synchronous work on a
 * busy machine: the server runs it on a worker so pages and the storefront stay responsive.
 * Everything crossing to the worker is plain data (histories in, JSON artefact and scores out).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ModelEvaluation, PredictionKind, ShopperHistory } from '@/lib/predict/types';
import type { ScoreRow } from './queries';
import { scoreAll } from './scoring';
import { fitKind, type Protocol, TooLittleData } from './service-evaluate';

export interface FitRequest {
  kind: PredictionKind;
  histories: readonly ShopperHistory[];
  opts: { end: number; first: number | null; horizonDays?: number; protocol?: Protocol };
}

export interface FitOutcome {
  method: string;
  artefact: Record<string, unknown>;
  evaluation: ModelEvaluation;
  asOf: number;
  horizonDays: number;
  shoppers: number;
  scores: ScoreRow[];
  fitMs: number;
  scoreMs: number;
}

/** On this thread. @throws TooLittleData when the kind cannot even be evaluated. */
export async function fitAndScore(req: FitRequest): Promise<FitOutcome> {
  const t0 = Date.now();
  const fitted = await fitKind(req.kind, req.histories, req.opts);
  const t1 = Date.now();
  const scores = scoreAll(fitted.model, req.histories, req.opts.end);
  return {
    method: fitted.model.model.method,
    artefact: fitted.model.model.toJSON(),
    evaluation: fitted.evaluation,
    asOf: fitted.asOf,
    horizonDays: fitted.horizonDays,
    shoppers: fitted.shoppers,
    scores,
    fitMs: t1 - t0,
    scoreMs: Date.now() - t1,
  };
}

/**
 * The worker's bootstrap, found from the project root at run time: a `new URL(…, import.meta.url)`
 * would make Next's bundler try to bundle the worker (and tsx with it) into route handlers that
 * only enqueue training. The server and the tests run from the project root.
 */
function workerFile(): string {
  return path.join(process.cwd(), 'lib', 'predict', 'fit-worker-boot.mjs');
}

/** What the worker posts back: an outcome, or an error reduced to its kind and message. */
export type WorkerReply =
  | { ok: true; outcome: FitOutcome }
  | { ok: false; tooLittle: boolean; message: string };

/**
 * On a worker thread (lib/predict/fit-worker.ts, loaded through tsx like the server itself, see
 * fit-worker-boot.mjs).
 * Same result and errors as fitAndScore.
 */
export function fitAndScoreOffThread(req: FitRequest): Promise<FitOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: req });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.outcome);
      else reject(reply.tooLittle ? new TooLittleData(reply.message) : new Error(reply.message));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The training worker stopped (exit code ${code}).`));
    });
  });
}

/**
 * Off the thread where a worker can load the TypeScript sources: in a process started through tsx
 * (the self-hosted server and worker, the CLI); on this thread elsewhere (a bundle, a test runner).
 */
export function trainsOffThread(): boolean {
  return process.execArgv.concat(process.argv).some((a) => /tsx/.test(a));
}
