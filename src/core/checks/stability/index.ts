// The stability check (samples > 1): after the first run, the metadata and token requests again, N−1 more
// times as single attempts, paced under IMDS's rate limit and within timeout-seconds. Pass when every sample
// succeeded, warn when the share of good samples is at least min-success-percent, else fail; the code names
// the failure seen most often. The samples are taken with the sample() of the metadata and token findings; the
// sampling is loaded only when samples > 1, so a single probe never pays for it at start-up.
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import { percent, wholeNumber, type InputGroup } from '../../pipeline/input-spec.js';
import type { OutputSpec } from '../../pipeline/output-spec.js';
import { isWholeNumber } from '../../shapes.js';
import type { Finding, JsonValue } from '../../types.js';
import { STABILITY_REMEDIES, type StabilityCode } from './stability-codes.js';
import type { SamplingSummary } from './summary.js';

export interface StabilityFinding extends Finding {
  /** null when nothing was sampled. */
  summary: SamplingSummary | null;
  /** The report's `samples` section, or null when nothing was sampled. */
  section: JsonValue | null;
}

export interface StabilityOptions {
  /** 1 = one probe; more repeats the metadata and token requests (the stability check). */
  samples: number;
  minSuccessPercent: number;
}

type StabilityOutput =
  'samples-total' | 'samples-ok' | 'latency-p50-ms' | 'latency-p95-ms' | 'latency-max-ms';

declare module '../../types.js' {
  interface CheckTypes {
    stability: {
      finding: StabilityFinding;
      codes: StabilityCode;
      inputs: 'samples' | 'min-success-percent';
      outputs: StabilityOutput;
    };
  }
  interface ProbeOptions extends StabilityOptions {}
}

const INPUTS: InputGroup = {
  inputs: [
    {
      name: 'samples',
      default: '1',
      cli: {
        value: 'N',
        help: 'repeat the metadata and token requests N times in all (1-1000, default {default})',
      },
    },
    {
      name: 'min-success-percent',
      default: '95',
      cli: {
        value: 'P',
        help: 'with --samples: the share of good samples below which stability fails (default {default})',
      },
    },
  ],
  parse: (read): StabilityOptions => ({
    samples: wholeNumber('samples', read.raw('samples'), 1, 1000),
    minSuccessPercent: percent('min-success-percent', read.raw('min-success-percent')),
  }),
};

const field = (value: JsonValue | undefined, key: string): JsonValue | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
const whole = (value: JsonValue | undefined): string =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? String(value) : '';
/** A figure of the report's `samples` section; empty when nothing was sampled. */
const figure =
  (...path: string[]) =>
  (report: { sections?: { [key: string]: JsonValue } }): string =>
    whole(path.reduce<JsonValue | undefined>((v, key) => field(v, key), report.sections?.['samples']));

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'samples-total',
    shape: isWholeNumber,
    value: figure('total'),
  },
  {
    name: 'samples-ok',
    shape: isWholeNumber,
    value: figure('ok'),
  },
  {
    name: 'latency-p50-ms',
    shape: isWholeNumber,
    value: figure('latencyMs', 'all', 'p50'),
  },
  {
    name: 'latency-p95-ms',
    shape: isWholeNumber,
    value: figure('latencyMs', 'all', 'p95'),
  },
  {
    name: 'latency-max-ms',
    shape: isWholeNumber,
    value: figure('latencyMs', 'all', 'max'),
  },
];

export const stabilityCheck: CheckModule<'stability'> = {
  id: 'stability',
  title: 'Stability over samples',
  wanted: (options) => options.samples > 1,
  inputs: INPUTS,
  outputs: OUTPUTS,
  remedies: STABILITY_REMEDIES,
  async run(run, findings) {
    const startedAt = run.ctx.clock.now();
    const sampled = await (await import('./take-samples.js')).sampleAgain(run, findings);
    if ('skipped' in sampled)
      return { check: skip(run, stabilityCheck, sampled.skipped), summary: null, section: null };
    const check = finish(run, stabilityCheck, startedAt, sampled.verdict);
    return { check, summary: sampled.summary, section: sampled.section };
  },
  adds: (own) => (own.section === null ? {} : { section: { key: 'samples', value: own.section } }),
};
