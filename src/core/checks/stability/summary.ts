// What the samples add up to: the tally the verdict rests on, latency figures per endpoint (answered samples
// only: a timeout's duration is a bound, not a latency), the report's `samples` section, and the tables the
// summary draws (latency with a sparkline per endpoint, failures by endpoint and class).
import type { DetailTable, JsonValue } from '../../types.js';
import { CLASS_WORDS, FAILURE_CLASSES, type FailureCounts, type Tally } from './classify.js';
import { latencyFigures, type LatencyFigures } from './percentiles.js';
import { SAMPLED_ENDPOINTS, sampleOk, type Sample, type SampledEndpoint } from './sample.js';
import type { Sampling } from './sampler.js';
import { sparkline } from './sparkline.js';

export interface SamplingSummary {
  tally: Tally;
  ranOut: boolean;
  /** `all` pools both endpoints' answers: it is what the latency outputs carry. */
  latency: Record<SampledEndpoint | 'all', LatencyFigures | null>;
  /** Endpoints that were sampled (the token is not when identity is none or its first request failed). */
  endpoints: SampledEndpoint[];
  samples: Sample[];
}

const answeredMs = (samples: readonly Sample[], endpoint: SampledEndpoint): number[] =>
  samples.flatMap((s) => (s[endpoint]?.ms != null ? [s[endpoint].ms] : []));

export function summarise(sampling: Sampling, requested: number): SamplingSummary {
  const { samples } = sampling;
  const failures: FailureCounts = {};
  for (const s of samples) {
    for (const e of SAMPLED_ENDPOINTS) {
      const failure = s[e]?.failure;
      if (failure) failures[failure] = (failures[failure] ?? 0) + 1;
    }
  }
  const endpoints = SAMPLED_ENDPOINTS.filter((e) => samples.some((s) => s[e] !== undefined));
  return {
    tally: { requested, total: samples.length, ok: samples.filter(sampleOk).length, failures },
    ranOut: sampling.ranOut,
    latency: {
      metadata: latencyFigures(answeredMs(samples, 'metadata')),
      token: latencyFigures(answeredMs(samples, 'token')),
      all: latencyFigures(endpoints.flatMap((e) => answeredMs(samples, e))),
    },
    endpoints,
    samples,
  };
}

const figuresJson = (f: LatencyFigures | null): JsonValue =>
  f ? { p50: f.p50, p95: f.p95, max: f.max } : null;

/** The report's top-level `samples`: engine-made numbers and codes only, nothing from the network. */
export function sectionJson(summary: SamplingSummary): JsonValue {
  const { tally, latency } = summary;
  const failures: { [code: string]: JsonValue } = {};
  for (const c of FAILURE_CLASSES) if (tally.failures[c]) failures[c] = tally.failures[c];
  return {
    requested: tally.requested,
    total: tally.total,
    ok: tally.ok,
    ranOut: summary.ranOut,
    failures,
    latencyMs: {
      metadata: figuresJson(latency.metadata),
      token: figuresJson(latency.token),
      all: figuresJson(latency.all),
    },
    series: summary.samples.map((s) => {
      const entry: { [key: string]: JsonValue } = { sample: s.n, atMs: s.atMs };
      for (const e of SAMPLED_ENDPOINTS) {
        const taken = s[e];
        if (taken)
          entry[e] = { ms: taken.ms, outcome: taken.outcome, code: taken.code, failure: taken.failure };
      }
      return entry;
    }),
  };
}

/** Sample numbers as a short list: `#3, #8, #13, … (12)`. */
function sampleList(numbers: number[], shown = 5): string {
  const head = numbers.slice(0, shown).map((n) => `#${n}`);
  return numbers.length > shown ? `${head.join(', ')}, … (${numbers.length})` : head.join(', ');
}

export function detailTables(summary: SamplingSummary): DetailTable[] {
  const latencyRows = summary.endpoints.map((e) => {
    const f = summary.latency[e];
    const series = summary.samples.filter((s) => s[e] !== undefined).map((s) => s[e]!.ms);
    const answered = series.filter((ms) => ms !== null).length;
    return [
      e,
      `${answered} of ${series.length}`,
      f ? String(f.p50) : '-',
      f ? String(f.p95) : '-',
      f ? String(f.max) : '-',
      sparkline(series),
    ];
  });
  const tables: DetailTable[] = [
    {
      title: 'latency per endpoint (ms)',
      columns: ['Endpoint', 'Answered', 'p50', 'p95', 'Max', 'Over time (× = no answer)'],
      rows: latencyRows,
    },
  ];
  const failureRows: string[][] = [];
  for (const e of summary.endpoints) {
    for (const c of FAILURE_CLASSES) {
      const hit = summary.samples.filter((s) => s[e]?.failure === c).map((s) => s.n);
      if (hit.length > 0) failureRows.push([e, CLASS_WORDS[c], c, String(hit.length), sampleList(hit)]);
    }
  }
  if (failureRows.length > 0) {
    tables.push({
      title: 'failed samples',
      columns: ['Endpoint', 'Failure', 'Code', 'Count', 'Samples'],
      rows: failureRows,
    });
  }
  return tables;
}
