// The skew arithmetic: bounds from a Date header (1 s resolution, the request's round trip), their intersection
// over several answers, the median when answers contradict each other, what a token's nbf and exp can prove,
// and the strict HTTP-date parser.
import { describe, expect, test } from '@jest/globals';
import {
  dateBounds,
  estimateFromDates,
  estimateFromToken,
  parseHttpDate,
  provenOf,
  tokenBounds,
  type DateSample,
} from '../../../../src/core/checks/clock/skew.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** What a server whose clock is `skew` ms behind ours stamps, reading its clock `readAfter` ms after we sent. */
function sample(skewMs: number, sent: number, rttMs: number, readAfter: number): DateSample {
  const serverNow = sent + readAfter - skewMs;
  return { dateMs: Math.floor(serverNow / 1000) * 1000, sent, at: sent + rttMs };
}

describe('dateBounds', () => {
  test('the Date drops the milliseconds: the server may have read up to 1 s later than it says', () => {
    // Sent at 12:00:10.000, answered at 12:00:10.050, Date 12:00:09 → s ∈ [0, 1.05 s].
    expect(dateBounds({ dateMs: T0 + 9_000, sent: T0 + 10_000, at: T0 + 10_050 })).toEqual({
      low: 0,
      high: 1_050,
    });
  });

  test('the true skew is always inside the bounds, whatever the round trip and the moment the server read', () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const skew = Math.round((next() - 0.5) * 1_200_000);
      const rtt = Math.round(next() * 3000);
      const s = sample(skew, T0 + Math.round(next() * 1e6), rtt, Math.round(next() * rtt));
      const b = dateBounds(s);
      expect([skew, b.low <= skew && skew <= b.high]).toEqual([skew, true]);
    }
  });
});

describe('estimateFromDates', () => {
  test('none: null', () => expect(estimateFromDates([])).toBeNull());

  test('several answers narrow the skew to the overlap of their bounds', () => {
    const samples = [0, 250, 500, 750].map((offset) => sample(600_000, T0 + offset, 40, 20));
    const one = estimateFromDates(samples.slice(0, 1))!;
    const all = estimateFromDates(samples)!;
    expect(all.uncertaintyMs).toBeLessThan(one.uncertaintyMs);
    expect(Math.abs(all.skewMs - 600_000)).toBeLessThanOrEqual(all.uncertaintyMs);
    expect(Math.round(all.skewMs / 1000)).toBe(600);
    expect(all.disagree).toBe(false);
  });

  test('a slow round trip widens the uncertainty, and only a proven skew counts', () => {
    const slow = estimateFromDates([sample(61_000, T0, 4000, 0)])!;
    expect(slow.uncertaintyMs).toBeGreaterThanOrEqual(2000);
    expect(slow.provenMs).toBeLessThan(61_000);
    expect(slow.provenMs).toBeLessThanOrEqual(60_000);
  });

  test('answers that contradict each other: the median, said as such, with the spread as uncertainty', () => {
    const estimate = estimateFromDates([
      sample(90_000, T0, 10, 5),
      sample(90_000, T0 + 100, 10, 5),
      sample(-3_600_000, T0 + 200, 10, 5),
    ])!;
    expect(estimate.disagree).toBe(true);
    expect(Math.round(estimate.skewMs / 1000)).toBe(90);
    expect(estimate.uncertaintyMs).toBeGreaterThan(3_600_000);
    expect(estimate.provenMs).toBe(0);
  });
});

describe('the token', () => {
  test('nbf after the moment it arrived proves the clock behind; exp before it proves it ahead', () => {
    const now = T0;
    // The token arrived between the run's start (30 s ago) and now.
    const behind = tokenBounds((now + 400_000) / 1000, (now + 86_400_000) / 1000, now - 30_000, now);
    expect(estimateFromToken(behind)).toMatchObject({ skewMs: -400_000, provenMs: 400_000 });
    const ahead = tokenBounds((now - 90_000_000) / 1000, (now - 3_600_000) / 1000, now - 30_000, now);
    expect(estimateFromToken(ahead)).toMatchObject({ skewMs: 3_570_000, provenMs: 3_570_000 });
  });

  test('a cached token proves nothing about a small skew; without the run start exp proves nothing', () => {
    const cached = tokenBounds((T0 - 7_200_000) / 1000, (T0 + 79_200_000) / 1000, T0 - 30_000, T0);
    expect(estimateFromToken(cached)).toBeNull();
    expect(tokenBounds(null, (T0 - 3_600_000) / 1000, null, T0)).toEqual({ low: -Infinity, high: Infinity });
    expect(provenOf({ low: -Infinity, high: Infinity })).toBe(0);
  });
});

describe('parseHttpDate', () => {
  test('IMF-fixdate only', () => {
    expect(parseHttpDate('Thu, 15 Jan 2026 12:00:00 GMT')).toBe(T0);
    expect(parseHttpDate(' Thu, 15 Jan 2026 12:00:00 GMT ')).toBe(T0);
    for (const bad of [
      '',
      'Thursday, 15-Jan-26 12:00:00 GMT',
      'Thu Jan 15 12:00:00 2026',
      '2026-01-15T12:00:00Z',
      'Thu, 31 Feb 2026 12:00:00 GMT',
      'Thu, 15 Jan 2026 12:00:00 UTC',
      'Thu, 15 Jan 2026 12:00:00 GMT\n##vso[task.complete]',
    ])
      expect([bad, parseHttpDate(bad)]).toEqual([bad, null]);
  });
});
