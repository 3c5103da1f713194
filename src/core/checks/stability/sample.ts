// One sample: the metadata answer and (unless identity is none or the first token request failed) the token
// answer, each judged by the judges the metadata and token checks use, timed, and classified.
import type { Code } from '../../types.js';
import type { CheckStatus, Outcome } from '../../types.js';
import { failureClass, type FailureClass } from './classify.js';

export type SampledEndpoint = 'metadata' | 'token';
export const SAMPLED_ENDPOINTS: readonly SampledEndpoint[] = ['metadata', 'token'];

export interface EndpointSample {
  /** Time to the answer (a token on Arc: challenge, key file and second request together); null: no answer. */
  ms: number | null;
  /** The HTTP status as a string, or the socket word when nothing answered. */
  outcome: Outcome;
  /** What the check's judge would have said of this answer ('ok' when it was good). */
  code: Code;
  failure: FailureClass | null;
}

export interface Sample {
  /** 1 is the first run (its checks' verdicts after their retries); later samples are single attempts. */
  n: number;
  /** ms since sampling began; null for the first run, which came before. */
  atMs: number | null;
  metadata?: EndpointSample;
  token?: EndpointSample;
}

/** A judged answer as a sample: the latency counts only when an HTTP answer came back. */
export function endpointSample(
  judged: { status: CheckStatus; code: Code; outcome?: Outcome },
  elapsedMs: number,
): EndpointSample {
  const outcome = judged.outcome ?? 'skipped';
  const ms = /^\d{3}$/.test(outcome) ? Math.max(0, Math.round(elapsedMs)) : null;
  return { ms, outcome, code: judged.code, failure: failureClass({ ...judged, outcome }, ms) };
}

export function sampleOk(sample: Sample): boolean {
  return SAMPLED_ENDPOINTS.every((e) => sample[e] === undefined || sample[e].failure === null);
}
