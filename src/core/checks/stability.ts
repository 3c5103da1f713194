// The stability check (samples > 1): after the first run, the metadata and token requests again, N−1 more
// times as single attempts, paced under IMDS's rate limit and within timeout-seconds. Pass when every sample
// succeeded, warn when the share of good samples is at least min-success-percent, else fail; the code names
// the failure seen most often. The sampling itself lives in ../sampling/.
import type { Outputs } from '../contract.js';
import { armResourceFor } from '../endpoints.js';
import { finish, skip, type CheckModule } from '../pipeline/check.js';
import type { Finding } from '../pipeline/findings.js';
import type { Run } from '../pipeline/run.js';
import { CLASS_WORDS, FAILURE_CLASSES, type Verdict, verdict } from '../sampling/classify.js';
import { sampleMetadata, sampleToken, type SampleTarget } from '../sampling/exchanges.js';
import { endpointSample, type Sample } from '../sampling/sample.js';
import { takeSamples, type SampledRequest } from '../sampling/sampler.js';
import { detailTables, sectionJson, summarise, type SamplingSummary } from '../sampling/summary.js';
import type { CheckResult, CheckId, JsonValue } from '../types.js';

export interface StabilityFinding extends Finding {
  /** null when nothing was sampled. */
  summary: SamplingSummary | null;
}

declare module '../pipeline/findings.js' {
  interface CheckFindings {
    stability: StabilityFinding;
  }
}

const good = (check: CheckResult | undefined): check is CheckResult =>
  check !== undefined && (check.status === 'pass' || check.status === 'warn');

/** Sample 1 is the first run, judged as its check was; its latency leaves out the retry waits. */
function firstRunSample(run: Run, check: CheckResult, id: CheckId) {
  const waited = run.progress
    .records()
    .filter((w) => w.check === id)
    .reduce((sum, w) => sum + w.ms, 0);
  return endpointSample(check, check.durationMs - waited);
}

const percentText = (percent: number): string => `${Math.floor(percent * 10) / 10} %`;

function message(run: Run, summary: SamplingSummary, result: Verdict, scope: string): string {
  const { tally, latency } = summary;
  const parts: string[] = [];
  if (tally.ok === tally.total) {
    parts.push(`All ${tally.total} samples succeeded (${scope}).`);
  } else {
    const min = run.ctx.spell.assignment('min-success-percent', String(run.options.minSuccessPercent));
    const seen = summary.endpoints.flatMap((e) =>
      FAILURE_CLASSES.flatMap((c) => {
        const count = summary.samples.filter((s) => s[e]?.failure === c).length;
        return count > 0 ? [`${e} ${CLASS_WORDS[c]} ×${count}`] : [];
      }),
    );
    parts.push(
      `${tally.ok} of ${tally.total} samples succeeded (${scope}): ${percentText(result.percent)}, ${min}. Failed: ${seen.join(', ')}.`,
    );
  }
  if (latency.all)
    parts.push(`Latency p50 ${latency.all.p50} ms, p95 ${latency.all.p95} ms, max ${latency.all.max} ms.`);
  if (summary.ranOut) {
    const timeout = run.ctx.spell.assignment('timeout-seconds', String(run.options.timeoutSeconds));
    parts.push(
      `Time ran out after ${tally.total} of ${tally.requested} samples (${timeout}); the rest were not taken.`,
    );
  }
  return parts.join(' ');
}

export const stabilityCheck: CheckModule<'stability'> = {
  id: 'stability',
  title: 'Stability over samples',
  wanted: (options) => options.samples > 1,
  async run(run, findings) {
    const metadata = findings.metadata;
    if (!metadata || !good(metadata.check)) {
      return {
        check: skip(run, stabilityCheck, 'Not sampled: the first run did not read the instance metadata.'),
        summary: null,
      };
    }
    const startedAt = run.ctx.clock.now();
    const token = findings.token?.check;
    const sampleTokens = run.options.identity !== 'none' && good(token);
    const scope = sampleTokens
      ? 'metadata and token'
      : run.options.identity === 'none'
        ? 'metadata only, as identity is none'
        : 'metadata only, as the first token request failed';
    const first: Sample = { n: 1, atMs: null, metadata: firstRunSample(run, metadata.check, 'metadata') };
    if (sampleTokens) first.token = firstRunSample(run, token, 'token');
    const profile = run.target.profile;
    const target: SampleTarget = {
      metadataVersion: profile.metadataApiVersion,
      tokenVersion: profile.tokenApiVersion,
      resource: run.options.resource || armResourceFor(metadata.machine.azEnvironment),
    };
    const endpoints: SampledRequest[] = [
      { endpoint: 'metadata', requests: 1, take: () => sampleMetadata(run, target) },
    ];
    if (sampleTokens) {
      const requests = profile.requiresChallenge ? 2 : 1;
      endpoints.push({ endpoint: 'token', requests, take: () => sampleToken(run, target) });
    }
    const sampling = await takeSamples(first, {
      clock: run.ctx.clock,
      budget: run.budget,
      pacer: run.pacer,
      requested: run.options.samples,
      endpoints,
      progress: (text) => run.ctx.progress({ check: 'stability', text }),
    });
    const summary = summarise(sampling, run.options.samples);
    const result = verdict(summary.tally, run.options.minSuccessPercent);
    const check = finish(run, stabilityCheck, startedAt, {
      status: result.status,
      code: result.code,
      message: message(run, summary, result, scope),
      details: detailTables(summary),
    });
    return { check, summary };
  },
  section: { key: 'samples', value: (own) => (own.summary ? sectionJson(own.summary) : undefined) },
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
