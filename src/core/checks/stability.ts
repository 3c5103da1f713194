// The stability check (samples > 1): after the first run, the metadata and token requests again, N−1 more
// times as single attempts, paced under IMDS's rate limit and within timeout-seconds. Pass when every sample
// succeeded, warn when the share of good samples is at least min-success-percent, else fail; the code names
// the failure seen most often. The sampling itself lives in ../sampling/.
import type { Outputs } from '../contract.js';
import type { CheckModule } from '../pipeline/check.js';
import type { Finding } from '../pipeline/findings.js';
import { STABILITY_CHECK } from '../sampling/check-id.js';
import { runStability } from '../sampling/run.js';
import type { SamplingSummary } from '../sampling/summary.js';
import type { JsonValue } from '../types.js';

export interface StabilityFinding extends Finding {
  /** null when nothing was sampled. */
  summary: SamplingSummary | null;
  /** The report's `samples` section, or null when nothing was sampled. */
  section: JsonValue | null;
}

declare module '../pipeline/findings.js' {
  interface CheckFindings {
    stability: StabilityFinding;
  }
}

export const stabilityCheck: CheckModule<'stability'> = {
  ...STABILITY_CHECK,
  wanted: (options) => options.samples > 1,
  run: (run, findings) => runStability(run, findings),
  section: { key: 'samples', value: (own) => own.section ?? undefined },
  outputs: (report) => samplingOutputs(report.sections?.['samples']),
};

const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
const whole = (value: JsonValue | undefined): string =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : '';

/** The five sampling outputs from the report's `samples` section; empty when nothing was sampled. */
export function samplingOutputs(section: JsonValue | undefined): Outputs {
  const all = field(field(section, 'latencyMs'), 'all');
  return {
    'samples-total': whole(field(section, 'total')),
    'samples-ok': whole(field(section, 'ok')),
    'latency-p50-ms': whole(field(all, 'p50')),
    'latency-p95-ms': whole(field(all, 'p95')),
    'latency-max-ms': whole(field(all, 'max')),
  };
}
