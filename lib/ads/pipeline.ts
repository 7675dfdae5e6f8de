/**
 * One generation slot (segment × locale × channel) through the guardrails: ask the generator for
 * candidates, keep those that pass every check, tell the next attempt what failed, and stop once
 * enough passed or the attempts are used up. Provider failures become `errors`, so one slot with
 * a dead endpoint does not end a whole campaign run.
 */
import { prepareGuardrails, runGuardrails, seenKeys } from './guardrails';
import {
  type CheckResult,
  type CopyGenerator,
  type GenerationRequest,
  GeneratorError,
  type GuardrailContext,
  type SlotResult,
} from './types';

export interface SlotOptions {
  /** Attempts (generator calls) at most, ≥ 1; default 3. */
  maxAttempts?: number;
  /** Creatives wanted; the slot stops once this many passed. Default `request.count`. */
  want?: number;
  /** Cancels the slot between and during generator calls (the abort error is thrown). */
  signal?: AbortSignal;
}

/** Most feedback lines passed to a retry (a long list drowns a small model's prompt). */
const MAX_FEEDBACK = 12;

/** Failures a retry cannot fix: asking again only wastes the remaining attempts. */
function isFinal(error: GeneratorError): boolean {
  return (
    error.code === 'model_missing' ||
    (error.code === 'http_error' && (error.status === 401 || error.status === 403))
  );
}

/** "headlines[2]: Headline 3 is 34 of 30 characters" — the lines a model reads on its retry. */
function feedbackLines(failed: CheckResult[][]): string[] {
  const lines = new Set<string>();
  for (const checks of failed) {
    for (const c of checks) {
      if (c.passed || !c.reason) continue;
      lines.add(c.field ? `${c.field}: ${c.reason}` : `${c.check}: ${c.reason}`);
    }
  }
  return [...lines].slice(0, MAX_FEEDBACK);
}

/**
 * Seed of attempt `n` (1-based): attempt 1 uses the request's seed, later ones a derived seed, so
 * a deterministic generator (the template engine) proposes something else on a retry.
 */
export function attemptSeed(seed: number, attempt: number): number {
  return attempt === 1 ? seed : (Math.imul(seed ^ 0x9e3779b9, 31 + attempt) + attempt * 0x6d2b79f5) >>> 0;
}

/**
 * Generates one slot. Accepted candidates' texts are added to `ctx.seen` at once, so a later
 * candidate of the same slot or run that repeats them fails the duplicate check. Never throws a
 * GeneratorError (recorded in `errors`); rethrows an abort and any other (unexpected) error.
 */
export async function generateSlot(
  generator: CopyGenerator,
  request: GenerationRequest,
  ctx: GuardrailContext,
  options: SlotOptions = {},
): Promise<SlotResult> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 3));
  const want = Math.max(1, Math.floor(options.want ?? request.count));
  const result: SlotResult = { accepted: [], rejected: [], errors: [] };
  await prepareGuardrails();

  let feedback: string[] | undefined = request.feedback;
  for (let attempt = 1; attempt <= maxAttempts && result.accepted.length < want; attempt++) {
    options.signal?.throwIfAborted();
    let candidates: Awaited<ReturnType<CopyGenerator['generate']>>;
    try {
      candidates = await generator.generate(
        { ...request, seed: attemptSeed(request.seed, attempt), ...(feedback?.length ? { feedback } : {}) },
        options.signal,
      );
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      result.errors.push({ code: error.code, message: error.message });
      if (isFinal(error)) break;
      continue;
    }
    const failedThisAttempt: CheckResult[][] = [];
    for (const candidate of candidates) {
      if (result.accepted.length >= want) break;
      const { passed, checks } = runGuardrails(candidate, ctx);
      if (passed) {
        result.accepted.push({ candidate, checks, attempt });
        for (const key of seenKeys(candidate.fields, ctx.channel)) ctx.seen.add(key);
      } else {
        const failed = checks.filter((c) => !c.passed);
        result.rejected.push({ candidate, failed, attempt });
        failedThisAttempt.push(failed);
      }
    }
    if (candidates.length === 0) {
      failedThisAttempt.push([{ check: 'fields', passed: false, reason: 'The answer held no creative' }]);
    }
    feedback = feedbackLines(failedThisAttempt);
  }
  return result;
}
