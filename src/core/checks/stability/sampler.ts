// The sampling loop: after the first run, N−1 more samples, spread evenly at the pacer's rate (5 requests per
// 1.2 s), each started only while the run has time left for it. A sample the deadline cut short is dropped,
// not counted as a failure. An occasional progress line says how far it got (status words and numbers only).
import type { Budget } from '../../imds/budget.js';
import type { Clock } from '../../context.js';
import type { RequestPacer } from '../../imds/pacer.js';
import { sampleOk, type EndpointSample, type Sample, type SampledEndpoint } from './sample.js';

/** A sample is started only when at least this much of the run is left after its pacing wait. */
export const MIN_SAMPLE_MS = 1_000;
/** At most one progress line per this long. */
const PROGRESS_EVERY_MS = 5_000;

export interface SampledRequest {
  endpoint: SampledEndpoint;
  /** Requests one sample of it sends (a token on Arc: 2, the challenge and the answer). */
  requests: number;
  take(): Promise<EndpointSample>;
}

export interface SamplerDeps {
  clock: Clock;
  budget: Pick<Budget, 'remaining' | 'expired'>;
  pacer: Pick<RequestPacer, 'roomIn' | 'limit'>;
  /** Samples asked for, the first run included. */
  requested: number;
  endpoints: readonly SampledRequest[];
  progress(text: string): void;
}

export interface Sampling {
  samples: Sample[];
  /** Time ran out before `requested` samples were taken. */
  ranOut: boolean;
}

const seconds = (ms: number): number => Math.max(0, Math.round(ms / 1000));

export async function takeSamples(first: Sample, deps: SamplerDeps): Promise<Sampling> {
  const { clock, budget, pacer, endpoints } = deps;
  // Even spacing at the pacer's rate: a request every windowMs / max, so no window is filled in a burst.
  const spacing = pacer.limit.windowMs / pacer.limit.max;
  const perSample = endpoints.reduce((sum, e) => sum + e.requests, 0) * spacing;
  const samples: Sample[] = [first];
  const began = clock.now();
  let nextSlot = began;
  let lastLine = began;
  const more = deps.requested - 1;
  const about = seconds(more * perSample);
  const left = seconds(budget.remaining());
  deps.progress(
    `stability: ${more} more samples, about ${about} s at up to ${pacer.limit.max} requests per ${pacer.limit.windowMs / 1000} s` +
      (about > left ? `; ${left} s left, so sampling will stop early` : ''),
  );
  while (samples.length < deps.requested) {
    const sample: Sample = { n: samples.length + 1, atMs: null };
    for (const request of endpoints) {
      const wait = Math.max(pacer.roomIn(request.requests), nextSlot - clock.now());
      if (budget.remaining() - wait < MIN_SAMPLE_MS) return { samples, ranOut: true };
      if (wait > 0) await clock.sleep(wait);
      const startedAt = clock.now();
      sample.atMs ??= startedAt - began;
      nextSlot = startedAt + request.requests * spacing;
      const taken = await request.take();
      // No answer because the run's deadline cut the request short says nothing about IMDS: drop the sample.
      if (taken.failure === 'stability_no_answer' && budget.expired()) return { samples, ranOut: true };
      sample[request.endpoint] = taken;
    }
    samples.push(sample);
    if (clock.now() - lastLine >= PROGRESS_EVERY_MS && samples.length < deps.requested) {
      lastLine = clock.now();
      const ok = samples.filter(sampleOk).length;
      deps.progress(
        `stability: ${samples.length} of ${deps.requested} samples, ${ok} ok, ${seconds(budget.remaining())} s left`,
      );
    }
  }
  return { samples, ranOut: false };
}
