// Sampling end to end: the real engine in-process against the emulator's sampling scenarios on loopback.
// Each case has its own emulator, so the cases run concurrently; what each asserts is what its emulator saw:
// the counts and verdict of the stability check, the outputs, and never more than 5 requests in any second.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  buildOutputs,
  parseOptions,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
  runProbe,
  type CheckResult,
  type ProbeOutcome,
} from '../../../../src/core/index.js';
import { CLI_SPELLING } from '../../../../src/host/spelling.js';
import { peakRequestRate, startEmulator, type Emulator } from '../../../../src/emulator/index.js';
import { engineContext } from '../../../helpers/engine-context.js';
import { leaksIn } from '../../../helpers/leaks.js';
import { nearestRank } from '../../../../src/core/checks/stability/percentiles.js';

const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

interface Run {
  outcome: ProbeOutcome;
  emulator: Emulator;
  secrets: string[];
  progress: string[];
  stability: CheckResult | undefined;
  samples: SamplesSection;
}

interface EndpointEntry {
  ms: number | null;
  outcome: string;
  code: string;
  failure: string | null;
}
interface SamplesSection {
  requested: number;
  total: number;
  ok: number;
  ranOut: boolean;
  failures: Record<string, number>;
  latencyMs: Record<'metadata' | 'token' | 'all', { p50: number; p95: number; max: number } | null>;
  series: { sample: number; atMs: number | null; metadata?: EndpointEntry; token?: EndpointEntry }[];
}

type Scenario = [scenario: string, inputs: Record<string, string>, mode?: 'vm' | 'arc', seed?: number];

/** Every run the tests below assert on, started at once. */
const SCENARIOS: Scenario[] = [
  ['healthy', { samples: '8' }],
  ['intermittent-500', { samples: '10' }],
  ['intermittent-500', { samples: '10', 'min-success-percent': '80' }],
  ['burst-429', { samples: '10' }],
  ['latency-jitter', { samples: '6' }, 'vm', 7],
  ['healthy', { samples: '6', identity: 'none' }],
  ['arc-healthy', { samples: '4' }, 'arc'],
  ['healthy', { samples: '200', 'timeout-seconds': '3' }],
  ['slow', { samples: '2', identity: 'none' }],
  ['no-identity', { samples: '4' }],
  ['html', { samples: '10' }],
  ['healthy', {}],
];
const runs = new Map<string, Promise<Run>>();

/** One run per scenario, shared by the test that asserts on it (the tests start none of their own). */
function sample(...args: Scenario): Promise<Run> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, probe(...args));
  return runs.get(key)!;
}

// The runs go on concurrently inside this hook: the check loads its sampling with import(), which jest allows
// only while a hook or a test runs, and concurrent tests leave that scope as soon as the first one ends.
beforeAll(async () => {
  await Promise.allSettled(SCENARIOS.map((args) => sample(...args)));
}, 120_000);

async function probe(
  scenario: string,
  inputs: Record<string, string>,
  mode: 'vm' | 'arc' = 'vm',
  seed?: number,
): Promise<Run> {
  const emulator = await startEmulator({ scenario, mode, ...(seed ? { seed } : {}) });
  emulators.push(emulator);
  const progress: string[] = [];
  const { ctx, secrets } = engineContext({
    arcTokensDir: emulator.tokensDir ?? '/nonexistent',
    progress: (e) => progress.push(e.text),
  });
  const parsed = parseOptions({ endpoint: emulator.url, mode, ...inputs }, CLI_SPELLING);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const outcome = await runProbe(parsed.options, ctx);
  const stability = outcome.report.checks.find((c) => c.id === 'stability');
  const samples = outcome.report.sections?.['samples'] as unknown as SamplesSection;
  return { outcome, emulator, secrets, progress, stability, samples };
}

/** IMDS's documented limit, as the emulator counts arrivals: never more than 5 in any 1-second window. */
function expectWithinRateLimit(e: Emulator): void {
  expect(peakRequestRate(e.requests, 1000)).toBeLessThanOrEqual(5);
}

const failedSamples = (s: SamplesSection): number[] =>
  s.series
    .filter((x) => [x.metadata, x.token].some((e) => e !== undefined && e.failure !== null))
    .map((x) => x.sample);

describe('sampling against the emulator (in-process engine)', () => {
  test.concurrent('healthy VM, 8 samples: all good, pass, outputs, paced', async () => {
    const r = await sample('healthy', { samples: '8' });
    expect(r.stability).toMatchObject({ status: 'pass', code: 'ok' });
    expect(r.outcome.report.checks.map((c) => c.id).at(-1)).toBe('stability');
    expect([r.samples.total, r.samples.ok, r.samples.requested, r.samples.ranOut]).toEqual([8, 8, 8, false]);
    expect(r.samples.failures).toEqual({});
    // The first run sends one metadata and one token request; each later sample one of each, no retries.
    expect(r.emulator.requests).toHaveLength(16);
    expect(r.emulator.requests.every((q) => q.status === 200)).toBe(true);
    expectWithinRateLimit(r.emulator);
    // The outputs are the pooled figures of the section, recomputed here from the series.
    const all = r.samples.series.flatMap((s) => [s.metadata!.ms!, s.token!.ms!]);
    const outputs = buildOutputs(r.outcome.report, null, false, '/tmp/report.json');
    expect(outputs).toMatchObject({
      'samples-total': '8',
      'samples-ok': '8',
      'latency-p50-ms': String(nearestRank(all, 50)),
      'latency-p95-ms': String(nearestRank(all, 95)),
      'latency-max-ms': String(Math.max(...all)),
    });
    // Every token sample was a real token: registered as a secret, and in no rendered channel.
    expect(r.emulator.issuedTokens).toHaveLength(8);
    for (const token of r.emulator.issuedTokens) expect(r.secrets).toContain(token);
    const channels = {
      json: renderJson(r.outcome.report),
      text: renderText(r.outcome.report, { color: false }),
      markdown: renderMarkdown(r.outcome.report),
      junit: renderJunit(r.outcome.report),
      progress: r.progress.join('\n'),
    };
    expect(leaksIn(channels, r.emulator.issuedTokens)).toEqual([]);
    expect(channels.markdown).toContain('latency per endpoint');
    expect(channels.junit).toContain('stability');
  });

  test.concurrent(
    'intermittent-500, 10 samples: every 5th request fails, so samples 5 and 10; fail',
    async () => {
      const r = await sample('intermittent-500', { samples: '10' });
      expect([r.samples.total, r.samples.ok]).toEqual([10, 8]);
      expect(failedSamples(r.samples)).toEqual([5, 10]);
      expect(r.samples.failures).toEqual({ stability_server_error: 4 });
      expect(r.stability).toMatchObject({ status: 'fail', code: 'stability_server_error' });
      // Single attempts: exactly 10 requests per route, the 500s were not retried.
      expect(r.emulator.requests).toHaveLength(20);
      expect(r.emulator.requests.filter((q) => q.status === 500)).toHaveLength(4);
      expectWithinRateLimit(r.emulator);
      const failures = r.stability!.details!.find((t) => t.title === 'failed samples')!;
      expect(failures.rows).toEqual([
        ['metadata', 'server error (5xx)', 'stability_server_error', '2', '#5, #10'],
        ['token', 'server error (5xx)', 'stability_server_error', '2', '#5, #10'],
      ]);
      expect(renderText(r.outcome.report, { color: false })).toContain('#5, #10');
    },
  );

  test.concurrent('intermittent-500 with min-success-percent 80: the same 80 % only warns', async () => {
    const r = await sample('intermittent-500', { samples: '10', 'min-success-percent': '80' });
    expect([r.samples.total, r.samples.ok]).toEqual([10, 8]);
    expect(r.stability).toMatchObject({ status: 'warn', code: 'stability_server_error' });
    expect(r.outcome.report.result).toBe('warn');
    expectWithinRateLimit(r.emulator);
  });

  test.concurrent(
    'burst-429, 10 samples: 4 good, then 6 throttled on both endpoints; fail throttled',
    async () => {
      const r = await sample('burst-429', { samples: '10' });
      expect(failedSamples(r.samples)).toEqual([5, 6, 7, 8, 9, 10]);
      expect(r.samples.failures).toEqual({ stability_throttled: 12 });
      expect(r.stability).toMatchObject({ status: 'fail', code: 'stability_throttled' });
      expect(r.emulator.requests).toHaveLength(20);
      expectWithinRateLimit(r.emulator);
    },
  );

  test.concurrent(
    'latency-jitter, 6 samples: good answers; each latency covers the delay the emulator drew',
    async () => {
      const r = await sample('latency-jitter', { samples: '6' }, 'vm', 7);
      expect(r.stability).toMatchObject({ status: 'pass', code: 'ok' });
      const drawn = r.emulator.requests.map((q) => q.delayMs ?? 0);
      const measured = r.samples.series.flatMap((s) => [s.metadata!.ms!, s.token!.ms!]);
      expect(measured).toHaveLength(drawn.length);
      measured.forEach((ms, i) => expect(ms).toBeGreaterThanOrEqual(drawn[i]! - 1));
      expect(r.samples.latencyMs.all!.max).toBe(Math.max(...measured));
      expectWithinRateLimit(r.emulator);
    },
  );

  test.concurrent('identity none: metadata only, never a token request', async () => {
    const r = await sample('healthy', { samples: '6', identity: 'none' });
    expect(r.stability).toMatchObject({ status: 'pass' });
    expect(r.stability!.message).toContain('metadata only');
    expect(r.samples.series.every((s) => s.token === undefined)).toBe(true);
    expect(r.samples.latencyMs.token).toBeNull();
    expect(r.emulator.requests.map((q) => q.path)).toEqual(Array(6).fill('/metadata/instance'));
  });

  test.concurrent(
    'Arc: each token sample follows the challenge; every secret registered, none leaked',
    async () => {
      const r = await sample('arc-healthy', { samples: '4' }, 'arc');
      expect(r.stability).toMatchObject({ status: 'pass', code: 'ok' });
      expect([r.samples.total, r.samples.ok]).toEqual([4, 4]);
      // Per sample: metadata, the token request answered 401, and the one with the key file's secret.
      expect(r.emulator.requests).toHaveLength(12);
      expect(r.emulator.issuedSecrets).toHaveLength(4);
      for (const secret of r.emulator.issuedSecrets) expect(r.secrets).toContain(secret);
      const channels = {
        json: renderJson(r.outcome.report),
        markdown: renderMarkdown(r.outcome.report),
        progress: r.progress.join('\n'),
      };
      expect(leaksIn(channels, [...r.emulator.issuedSecrets, ...r.emulator.issuedTokens])).toEqual([]);
      expectWithinRateLimit(r.emulator);
    },
  );

  test.concurrent('time runs out: what was sampled is reported, and the check says so', async () => {
    const started = Date.now();
    const r = await sample('healthy', { samples: '200', 'timeout-seconds': '3' });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(r.samples.ranOut).toBe(true);
    expect(r.samples.total).toBeGreaterThan(1);
    expect(r.samples.total).toBeLessThan(200);
    expect(r.samples.ok).toBe(r.samples.total);
    expect(r.stability).toMatchObject({ status: 'warn', code: 'stability_incomplete' });
    expect(r.stability!.message).toContain(`after ${r.samples.total} of 200 samples`);
    expect(r.progress.some((line) => line.includes('sampling will stop early'))).toBe(true);
    expectWithinRateLimit(r.emulator);
  });

  test.concurrent('slow (1.5 s answers), identity none, 2 samples: both slow; fail slow_answer', async () => {
    const r = await sample('slow', { samples: '2', identity: 'none' });
    expect(r.samples.failures).toEqual({ stability_slow_answer: 2 });
    expect(r.stability).toMatchObject({ status: 'fail', code: 'stability_slow_answer' });
  });

  test.concurrent('first token request failed (no identity): samples metadata only', async () => {
    const r = await sample('no-identity', { samples: '4' });
    expect(r.stability).toMatchObject({ status: 'pass', code: 'ok' });
    expect(r.stability!.message).toContain('metadata only, as the first token request failed');
    expect(r.samples.series.every((s) => s.token === undefined)).toBe(true);
    // The first run's one token request; no token request while sampling.
    expect(r.emulator.requests.filter((q) => q.path.includes('oauth2'))).toHaveLength(1);
  });

  test.concurrent('what answered is not IMDS: nothing sampled, the check is skipped', async () => {
    const r = await sample('html', { samples: '10' });
    expect(r.stability).toMatchObject({ status: 'skip', code: 'skipped' });
    expect(r.samples).toBeUndefined();
    const outputs = buildOutputs(r.outcome.report, null, false, '/tmp/r.json');
    expect(outputs['samples-total']).toBe('');
    expect(r.emulator.requests).toHaveLength(1);
  });

  test.concurrent('samples 1: no stability check, no samples section, empty outputs', async () => {
    const r = await sample('healthy', {});
    expect(r.stability).toBeUndefined();
    expect(r.outcome.report.sections?.['samples']).toBeUndefined();
    const outputs = buildOutputs(r.outcome.report, null, false, '/tmp/r.json');
    for (const name of [
      'samples-total',
      'samples-ok',
      'latency-p50-ms',
      'latency-p95-ms',
      'latency-max-ms',
    ] as const)
      expect(outputs[name] ?? '').toBe('');
    expect(r.emulator.requests).toHaveLength(2);
  });
});
