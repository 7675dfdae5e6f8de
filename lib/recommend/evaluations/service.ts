/**
 * Offline evaluations stored for the dashboard (issue 10): the same evaluateWorkspace as
 * `tailor evaluate`, run per protocol, each result kept as a `recommend_evaluations` row so the
 * Model quality page reads a table instead of refitting six models per request.
 */
import type { Db } from '@/db/client';
import type { EvaluationProtocol } from '@/db/schema/recommend';
import { AppError, badRequest } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import type { Margin } from '../eval/compare';
import type { Evaluation } from '../eval/evaluate';
import { evaluateWorkspace } from '../evaluation';
import {
  type EvaluationRecord,
  failEvaluation,
  failRunningOfJob,
  finishEvaluation,
  getInteractionSpan,
  insertEvaluation,
} from './queries';

type Tenant = Pick<TenantContext, 'tenantId'>;
const DAY_MS = 86_400_000;
/** Share of the interaction time span held out as the test period by the default cutoff. */
export const DEFAULT_TEST_SHARE = 0.22;
/** Below this span there is no sensible split into a training and a test period. */
export const MIN_SPAN_DAYS = 7;

/** What a ready row's `report` holds: the CLI's result plus how long the run took. */
export interface EvaluationReport {
  evaluation: Evaluation;
  /** The hybrid against the best baseline by NDCG@10 (paired bootstrap), or null. */
  margin: Margin | null;
  data: { interactions: number; first: string | null; last: string | null };
  /** Wall-clock time of this protocol's evaluation, ms. */
  durationMs: number;
}

/**
 * The cutoff that leaves the last DEFAULT_TEST_SHARE of the data's time span for testing, at UTC
 * midnight (or the exact point when midnight would fall before the data). Throws AppError
 * 'bad_request' when there is no data or it spans under MIN_SPAN_DAYS days.
 */
export function defaultCutoff(span: { first: Date | null; last: Date | null }): Date {
  if (!span.first || !span.last) {
    throw badRequest('Too little data to evaluate: the workspace has no orders or events yet.');
  }
  const first = span.first.getTime();
  const width = span.last.getTime() - first;
  if (width < MIN_SPAN_DAYS * DAY_MS) {
    throw badRequest(
      `Too little data to evaluate: the interactions span ${(width / DAY_MS).toFixed(1)} days ` +
        `(${span.first.toISOString().slice(0, 10)} to ${span.last.toISOString().slice(0, 10)}); ` +
        `an evaluation needs at least ${MIN_SPAN_DAYS} days, with purchases on both sides of the cutoff.`,
    );
  }
  const point = first + width * (1 - DEFAULT_TEST_SHARE);
  const midnight = Math.floor(point / DAY_MS) * DAY_MS;
  return new Date(midnight > first ? midnight : point);
}

export interface RunEvaluationOptions {
  /** Train before it, test after it; default: defaultCutoff of the workspace's data. */
  cutoff?: Date;
  protocols: readonly EvaluationProtocol[];
  /** The job running this (stored on the rows; rows a crashed attempt left 'running' are failed). */
  jobId?: string;
  /** Progress: protocol index, the step ('loading' or a model name). */
  onStep?: (protocolIndex: number, step: string) => void;
}

/**
 * Evaluates each protocol in turn and stores one row per protocol: 'ready' with its report, or
 * 'failed' with a message safe to show. A protocol that fails for a reason in the data (AppError)
 * does not stop the others; when every protocol fails that way the first error is thrown. Other
 * errors fail the row generically and are rethrown (the job retries by rerunning).
 */
export async function runEvaluation(
  db: Db,
  ctx: Tenant,
  opts: RunEvaluationOptions,
): Promise<EvaluationRecord[]> {
  if (opts.protocols.length === 0) throw badRequest('Choose at least one protocol to evaluate.');
  if (opts.jobId) await failRunningOfJob(db, ctx, opts.jobId, 'Interrupted; the job ran it again.');
  const cutoff = opts.cutoff ?? defaultCutoff(await getInteractionSpan(db, ctx));
  const rows: EvaluationRecord[] = [];
  let firstDataError: AppError | null = null;
  for (const [index, protocol] of opts.protocols.entries()) {
    const row = await insertEvaluation(db, ctx, { cutoff, protocol, jobId: opts.jobId ?? null });
    const started = Date.now();
    try {
      const result = await evaluateWorkspace(db, ctx, {
        cutoff,
        protocol,
        onStep: (step) => opts.onStep?.(index, step),
      });
      const report: EvaluationReport = { ...result, durationMs: Date.now() - started };
      rows.push((await finishEvaluation(db, ctx, row.id, toJson(report))) ?? row);
    } catch (error) {
      if (!(error instanceof AppError)) {
        await failEvaluation(db, ctx, row.id, 'The evaluation failed unexpectedly; see the server log.');
        throw error;
      }
      firstDataError ??= error;
      rows.push((await failEvaluation(db, ctx, row.id, error.message)) ?? row);
    }
  }
  if (firstDataError && rows.every((r) => r.status === 'failed')) throw firstDataError;
  return rows;
}

/** The report as the jsonb column stores it (plain JSON: no class instances, NaN becomes null). */
function toJson(report: EvaluationReport): Record<string, unknown> {
  return JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
}

/** The report of a ready row, or null (running, failed, or an unexpected shape). */
export function reportOf(row: Pick<EvaluationRecord, 'status' | 'report'>): EvaluationReport | null {
  const r = row.report as Partial<EvaluationReport> | null;
  if (row.status !== 'ready' || !r?.evaluation || !Array.isArray(r.evaluation.rows)) return null;
  return r as EvaluationReport;
}
