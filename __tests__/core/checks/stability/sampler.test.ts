// The sampling loop on a fake clock, with fake sampled requests that go through the real pacer as imdsGet
// does: even pacing, the rate limit over every request, Arc's two-request token samples, the deadline
// (ran out, cut short), and the occasional progress line.
import { describe, expect, it } from '@jest/globals';
import { Budget } from '../../../../src/core/imds/budget.js';
import { RequestPacer } from '../../../../src/core/imds/pacer.js';
import type { EndpointSample, Sample } from '../../../../src/core/checks/stability/sample.js';
import {
  MIN_SAMPLE_MS,
  takeSamples,
  type SampledRequest,
} from '../../../../src/core/checks/stability/sampler.js';
import { peakRequestRate } from '../../../../src/emulator/index.js';
import { fakeClock, type FakeClock } from '../../../helpers/fake-clock.js';

const good = (ms: number): EndpointSample => ({ ms, outcome: '200', code: 'ok', failure: null });
const first: Sample = { n: 1, atMs: null, metadata: good(3), token: good(4) };

interface Rig {
  clock: FakeClock;
  pacer: RequestPacer;
  budget: Budget;
  sent: number[];
  progress: string[];
  request(
    endpoint: 'metadata' | 'token',
    requests: number,
    latencyMs: number,
    answer?: () => EndpointSample,
  ): SampledRequest;
}

function rig(budgetMs = 60_000): Rig {
  const clock = fakeClock(0);
  const pacer = new RequestPacer(clock);
  const sent: number[] = [];
  return {
    clock,
    pacer,
    budget: new Budget(clock, budgetMs),
    sent,
    progress: [],
    request(endpoint, requests, latencyMs, answer = () => good(latencyMs)) {
      return {
        endpoint,
        requests,
        async take() {
          for (let i = 0; i < requests; i++) {
            await pacer.admit(); // what imdsGet does first
            sent.push(clock.now());
            clock.advance(latencyMs);
          }
          return answer();
        },
      };
    },
  };
}

const run = (r: Rig, requested: number, endpoints: SampledRequest[]) =>
  takeSamples(first, {
    clock: r.clock,
    budget: r.budget,
    pacer: r.pacer,
    requested,
    endpoints,
    progress: (text) => r.progress.push(text),
  });

describe('takeSamples', () => {
  it('VM, 20 samples: 38 requests after the first run, one every 240 ms, never held by the pacer', async () => {
    const r = rig();
    const result = await run(r, 20, [r.request('metadata', 1, 5), r.request('token', 1, 5)]);
    expect(result.ranOut).toBe(false);
    expect(result.samples.map((s) => s.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(result.samples[0]).toBe(first);
    expect(r.sent).toHaveLength(38);
    const gaps = r.sent.slice(1).map((t, i) => t - r.sent[i]!);
    expect(new Set(gaps)).toEqual(new Set([240]));
    expect(r.pacer.heldMs).toBe(0);
    expect(
      peakRequestRate(
        r.sent.map((time) => ({ time })),
        1000,
      ),
    ).toBe(5);
    expect(result.samples[1]!.atMs).toBe(0);
    expect(result.samples[2]!.atMs).toBe(480);
  });

  it('after a first run that sent 5 requests at once, the first sample waits for the window', async () => {
    const r = rig();
    for (let i = 0; i < 5; i++) await r.pacer.admit();
    await run(r, 3, [r.request('metadata', 1, 5), r.request('token', 1, 5)]);
    expect(r.sent[0]).toBe(1200);
    expect(r.pacer.heldMs).toBe(0);
  });

  it('Arc: a token sample is two requests back to back, room for both is made first', async () => {
    const r = rig();
    const result = await run(r, 15, [r.request('metadata', 1, 5), r.request('token', 2, 5)]);
    expect(result.samples).toHaveLength(15);
    expect(r.sent).toHaveLength(14 * 3);
    // The challenge's second request follows the first at once: the pacer never held it.
    expect(r.pacer.heldMs).toBe(0);
    expect(
      peakRequestRate(
        r.sent.map((time) => ({ time })),
        1000,
      ),
    ).toBeLessThanOrEqual(5);
    expect(
      peakRequestRate(
        r.sent.map((time) => ({ time })),
        1200,
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('slow answers do not compress the pace: the spacing counts from each start', async () => {
    const r = rig();
    await run(r, 10, [r.request('metadata', 1, 700)]);
    const gaps = r.sent.slice(1).map((t, i) => t - r.sent[i]!);
    expect(Math.min(...gaps)).toBe(700);
    expect(
      peakRequestRate(
        r.sent.map((time) => ({ time })),
        1000,
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('time runs out: stops while a sample would start with less than 1 s left, and says so', async () => {
    const r = rig(5_000);
    const result = await run(r, 100, [r.request('metadata', 1, 5), r.request('token', 1, 5)]);
    expect(result.ranOut).toBe(true);
    const last = r.sent.at(-1)!;
    expect(5_000 - last).toBeGreaterThanOrEqual(MIN_SAMPLE_MS);
    expect(result.samples.length).toBeGreaterThan(5);
    expect(result.samples.length).toBeLessThan(100);
    // Only complete samples count: every kept sample has both endpoints.
    expect(result.samples.every((s) => s.metadata && s.token)).toBe(true);
    expect(r.progress[0]).toMatch(
      /^stability: 99 more samples, about 48 s .*; 5 s left, so sampling will stop early$/,
    );
  });

  it('a sample the deadline cut short (no answer, deadline passed) is dropped, not counted as a failure', async () => {
    const r = rig(3_000);
    let calls = 0;
    const metadata = r.request('metadata', 1, 5, () => {
      calls += 1;
      if (calls < 3) return good(5);
      r.clock.advance(10_000); // the request hung until the run's deadline capped it
      return { ms: null, outcome: 'no-response', code: 'no_response', failure: 'stability_no_answer' };
    });
    const result = await run(r, 10, [metadata]);
    expect(result.ranOut).toBe(true);
    expect(result.samples).toHaveLength(3);
    expect(result.samples.every((s) => s.metadata?.failure == null)).toBe(true);
  });

  it('a no-answer sample with time left is a failure like any other', async () => {
    const r = rig();
    const metadata = r.request('metadata', 1, 5, () => ({
      ms: null,
      outcome: 'reset',
      code: 'connection_reset',
      failure: 'stability_no_answer',
    }));
    const result = await run(r, 3, [metadata]);
    expect(result.ranOut).toBe(false);
    expect(result.samples.slice(1).map((s) => s.metadata?.failure)).toEqual([
      'stability_no_answer',
      'stability_no_answer',
    ]);
  });

  it('a progress line at the start and then at most one per 5 s, in status words and numbers', async () => {
    const r = rig();
    await run(r, 40, [r.request('metadata', 1, 5), r.request('token', 1, 5)]);
    // 39 samples × 480 ms ≈ 18.7 s: the opening line and three more.
    expect(r.progress).toHaveLength(4);
    expect(r.progress[0]).toBe('stability: 39 more samples, about 19 s at up to 5 requests per 1.2 s');
    for (const line of r.progress.slice(1))
      expect(line).toMatch(/^stability: \d+ of 40 samples, \d+ ok, \d+ s left$/);
  });
});
