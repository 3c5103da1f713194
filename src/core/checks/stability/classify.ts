// What went wrong with one sampled answer, as one of a few classes (each a stable code of the stability check),
// and the check's verdict over all samples: pass when every sample succeeded, warn when the share of good
// samples is at least min-success-percent, else fail; the code names the failure seen most often.
import { isNoAnswer } from '../../imds/failures.js';
import type { CheckStatus, Code, Outcome } from '../../types.js';
import { STABILITY_CODES, type StabilityCode } from './stability-codes.js';

/** The failure classes, in order of precedence when two were seen equally often: every stability code but the
 * one that says sampling stopped early. */
export type FailureClass = Exclude<StabilityCode, 'stability_incomplete'>;
export const FAILURE_CLASSES = STABILITY_CODES.filter(
  (code): code is FailureClass => code !== 'stability_incomplete',
);

/** Words for each class in messages and the failure table (status words only, no network text). */
export const CLASS_WORDS: Readonly<Record<FailureClass, string>> = {
  stability_throttled: 'throttled (429)',
  stability_server_error: 'server error (5xx)',
  stability_updating: 'updating (410, or 404 on the token endpoint)',
  stability_no_answer: 'no answer (timeout, reset or refused)',
  stability_slow_answer: 'slow answer (over 1 s)',
  stability_bad_answer: 'unexpected answer',
};

/**
 * A good answer slower than this counts as a failed sample: it is how long @azure/identity and Go azidentity
 * wait for IMDS when DefaultAzureCredential probes it, so a slower answer makes those clients skip the
 * managed identity.
 */
export const SLOW_SAMPLE_MS = 1_000;

/** How one endpoint's answer in a sample was judged (the same judges the metadata and token checks use). */
export interface JudgedAnswer {
  status: CheckStatus;
  code: Code;
  outcome: Outcome;
}

/** null: the sample succeeded. */
export function failureClass(answer: JudgedAnswer, latencyMs: number | null): FailureClass | null {
  if (answer.status === 'pass' || answer.status === 'warn')
    return latencyMs !== null && latencyMs > SLOW_SAMPLE_MS ? 'stability_slow_answer' : null;
  const status = /^\d{3}$/.test(answer.outcome) ? Number(answer.outcome) : null;
  if (status === null) return isNoAnswer(answer.code) ? 'stability_no_answer' : 'stability_bad_answer';
  // A proxy's or a web server's error page is not IMDS being busy.
  if (answer.code === 'not_imds_proxy' || answer.code === 'not_imds_html') return 'stability_bad_answer';
  if (status === 429) return 'stability_throttled';
  if (status === 410 || answer.code === 'token_not_found') return 'stability_updating';
  if (status >= 500) return 'stability_server_error';
  return 'stability_bad_answer';
}

export type FailureCounts = Partial<Record<FailureClass, number>>;

/** The class seen most often; ties go to the earlier class in FAILURE_CLASSES. null when none. */
export function dominant(failures: FailureCounts): FailureClass | null {
  let best: FailureClass | null = null;
  for (const c of FAILURE_CLASSES) {
    if ((failures[c] ?? 0) > (best === null ? 0 : (failures[best] ?? 0))) best = c;
  }
  return best;
}

export interface Tally {
  /** Samples asked for (the samples input). */
  requested: number;
  /** Samples taken, the first run included. */
  total: number;
  /** Samples in which every sampled endpoint answered well and in time. */
  ok: number;
  failures: FailureCounts;
}

/** What the tally says: the check's status and code, and the share of good samples. */
export interface TallyVerdict {
  status: 'pass' | 'warn' | 'fail';
  code: FailureClass | 'stability_incomplete' | 'ok';
  /** ok / total × 100, unrounded. */
  percent: number;
}

export function judgeTally(tally: Tally, minSuccessPercent: number): TallyVerdict {
  const percent = tally.total === 0 ? 0 : (tally.ok * 100) / tally.total;
  const worst = dominant(tally.failures);
  if (tally.ok === tally.total || worst === null) {
    // Every sample taken was good, but fewer were taken than asked for: the answer is only partial.
    return tally.total < tally.requested
      ? { status: 'warn', code: 'stability_incomplete', percent }
      : { status: 'pass', code: 'ok', percent };
  }
  return { status: percent >= minSuccessPercent ? 'warn' : 'fail', code: worst, percent };
}
