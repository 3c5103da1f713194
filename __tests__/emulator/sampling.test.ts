// Scenarios for retry and sampling tests: 410 and 429 on the token route, a 429 burst, intermittent and
// seeded-random 500s, latency jitter; and the request rate the emulator saw.
import { describe, expect, it } from '@jest/globals';
import { peakRequestRate } from '../../src/emulator/index.js';
import { ARC_TOKEN_PATH, get, INSTANCE_PATH, json, statuses, TOKEN_PATH, useEmulators } from './helpers.js';

const start = useEmulators();

describe('token-route faults', () => {
  it('token-gone-then-ok: one 410 in the token error shape, then 200; metadata unaffected', async () => {
    const e = await start({ scenario: 'token-gone-then-ok' });
    expect((await get(e.url, INSTANCE_PATH)).status).toBe(200);
    const gone = await get(e.url, TOKEN_PATH);
    expect(gone.status).toBe(410);
    expect(json(gone)).toEqual({ error: 'service_unavailable', error_description: expect.any(String) });
    expect(await statuses(e, TOKEN_PATH, 2)).toEqual([200, 200]);
  });

  it('throttled-no-retry-after: 429 twice without a Retry-After header, then 200', async () => {
    const e = await start({ scenario: 'throttled-no-retry-after' });
    const first = await get(e.url, TOKEN_PATH);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBeUndefined();
    expect(json(first).error).toBe('too_many_requests');
    expect(await statuses(e, TOKEN_PATH, 2)).toEqual([429, 200]);
  });

  it('both run before the Arc challenge', async () => {
    const e = await start({ scenario: 'token-gone-then-ok', mode: 'arc' });
    expect(await statuses(e, ARC_TOKEN_PATH, 2)).toEqual([410, 401]);
  });
});

describe('time-window faults', () => {
  it('updating-40s: every metadata request in the window gets 410 (IMDS updating); tokens are unaffected', async () => {
    const e = await start({ scenario: 'updating-40s' });
    expect(await statuses(e, INSTANCE_PATH, 3)).toEqual([410, 410, 410]);
    expect((await get(e.url, TOKEN_PATH)).status).toBe(200);
  });

  it('a window fault stops answering once its time from the first request has passed', async () => {
    const { nextStatusFault } = await import('../../src/emulator/status-faults.js');
    const state = {
      spec: { statusFaults: [{ route: 'metadata', status: 410, times: Infinity, forMs: 80 }] },
      counters: { metadata: 0, token: 0 },
      firstSeen: {},
    } as unknown as Parameters<typeof nextStatusFault>[0];
    expect(nextStatusFault(state, 'metadata')?.status).toBe(410);
    expect(nextStatusFault(state, 'metadata')?.status).toBe(410);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(nextStatusFault(state, 'metadata')).toBeUndefined();
  });
});

describe('sampling scenarios', () => {
  it('burst-429: per route family 4 OK, 6 × 429 without Retry-After, then OK', async () => {
    const e = await start({ scenario: 'burst-429' });
    const expected = [200, 200, 200, 200, 429, 429, 429, 429, 429, 429, 200, 200];
    expect(await statuses(e, INSTANCE_PATH, 12)).toEqual(expected);
    const token = [];
    for (let i = 0; i < 12; i++) token.push(await get(e.url, TOKEN_PATH));
    expect(token.map((r) => r.status)).toEqual(expected);
    expect(token.filter((r) => r.headers['retry-after'] !== undefined)).toEqual([]);
  });

  it('intermittent-500: exactly every 5th request of each family', async () => {
    const e = await start({ scenario: 'intermittent-500' });
    const got = await statuses(e, INSTANCE_PATH, 15);
    expect(got.map((s, i) => [i + 1, s]).filter(([, s]) => s === 500)).toEqual([
      [5, 500],
      [10, 500],
      [15, 500],
    ]);
    expect(await statuses(e, TOKEN_PATH, 5)).toEqual([200, 200, 200, 200, 500]);
  });

  it('flaky-500: the same seed gives the same pattern, another seed another; about 20 % fail', async () => {
    const run = async (seed: number): Promise<number[]> =>
      statuses(await start({ scenario: 'flaky-500', seed }), INSTANCE_PATH, 60);
    const [a, b, c] = await Promise.all([run(7), run(7), run(8)]);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([200, 500]));
    // 300 draws at p = 0.2: 60 expected; 30..90 is about six standard deviations either side.
    const many = await statuses(await start({ scenario: 'flaky-500', seed: 3 }), INSTANCE_PATH, 300);
    const failures = many.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
  });

  it('latency-jitter: each answer carries its drawn delay (0-800 ms), reproducible per seed', async () => {
    const delays = async (seed: number): Promise<number[]> => {
      const e = await start({ scenario: 'latency-jitter', seed });
      await Promise.all(Array.from({ length: 6 }, () => get(e.url, INSTANCE_PATH)));
      return e.requests.map((r) => r.delayMs ?? -1);
    };
    const [a, b] = await Promise.all([delays(5), delays(5)]);
    expect(a).toEqual(b);
    for (const d of a) expect(d >= 0 && d <= 800).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('records status and answer time of every request', async () => {
    const e = await start({ scenario: 'intermittent-500' });
    await statuses(e, INSTANCE_PATH, 5);
    expect(e.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 500]);
    for (const r of e.requests) expect(r.answeredAt).toBeGreaterThanOrEqual(r.time);
  });
});

describe('peakRequestRate', () => {
  it('counts the busiest window, not the average', () => {
    const at = (...times: number[]) => times.map((time) => ({ time }));
    expect(peakRequestRate([])).toBe(0);
    expect(peakRequestRate(at(0, 100, 200, 5000))).toBe(3);
    expect(peakRequestRate(at(0, 999, 1000, 1999))).toBe(2); // [t, t + 1000) excludes t + 1000
    expect(peakRequestRate(at(3000, 0, 2500, 2600, 2700, 2800, 2900))).toBe(6);
    expect(peakRequestRate(at(0, 100, 200, 300), 150)).toBe(2);
  });

  it('reads the emulator’s own records', async () => {
    const e = await start();
    await Promise.all(Array.from({ length: 4 }, () => get(e.url, INSTANCE_PATH)));
    expect(peakRequestRate(e.requests, 60_000)).toBe(4);
  });
});
