// The run's request pacer on a fake clock: at most 5 admissions in any 1.2 s window (so at most 5 in any
// 1 s one), no wait at all while a run stays within that, and an exact account of the time it held requests.
import { describe, expect, it } from '@jest/globals';
import { IMDS_RATE_LIMIT, RequestPacer } from '../../../src/core/imds/pacer.js';
import { peakRequestRate } from '../../../src/emulator/index.js';
import { fakeClock } from '../../helpers/fake-clock.js';

async function admitAll(pacer: RequestPacer, clock: { now(): number }, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await pacer.admit();
    times.push(clock.now());
  }
  return times;
}

describe('RequestPacer', () => {
  it('is 5 requests per 1.2 s', () => {
    expect(IMDS_RATE_LIMIT).toEqual({ max: 5, windowMs: 1200 });
  });

  it('five back-to-back requests (a single run at most) never wait', async () => {
    const clock = fakeClock();
    const pacer = new RequestPacer(clock);
    const times = await admitAll(pacer, clock, 5);
    expect(clock.sleeps).toEqual([]);
    expect(new Set(times).size).toBe(1);
    expect(pacer.heldMs).toBe(0);
  });

  it('the sixth waits until the first has left the window', async () => {
    const clock = fakeClock(0);
    const pacer = new RequestPacer(clock);
    const times = await admitAll(pacer, clock, 7);
    expect(times).toEqual([0, 0, 0, 0, 0, 1200, 1200]);
    expect(pacer.heldMs).toBe(1200);
  });

  it('a burst of 40 (retries with Retry-After: 0) stays within 5 per second and 5 per 1.2 s', async () => {
    const clock = fakeClock(0);
    const pacer = new RequestPacer(clock);
    const times = await admitAll(pacer, clock, 40);
    const arrivals = times.map((time) => ({ time }));
    expect(peakRequestRate(arrivals, 1000)).toBe(5);
    expect(peakRequestRate(arrivals, 1200)).toBe(5);
    expect(peakRequestRate(arrivals, 1201)).toBe(10);
  });

  it('requests spread out in time are never held', async () => {
    const clock = fakeClock(0);
    const pacer = new RequestPacer(clock);
    for (let i = 0; i < 20; i++) {
      await pacer.admit();
      clock.advance(250);
    }
    expect(clock.sleeps).toEqual([]);
  });

  it('a timer that wakes early is slept on again: the limit still holds', async () => {
    const clock = fakeClock(0, 300);
    const pacer = new RequestPacer(clock);
    const times = await admitAll(pacer, clock, 12);
    expect(
      peakRequestRate(
        times.map((time) => ({ time })),
        1200,
      ),
    ).toBe(5);
    expect(clock.sleeps.length).toBeGreaterThan(7);
    expect(pacer.heldMs).toBe(times.at(-1));
  });

  it('roomIn(n): how long until n more requests fit back to back', async () => {
    const clock = fakeClock(0);
    const pacer = new RequestPacer(clock);
    expect(pacer.roomIn(2)).toBe(0);
    await admitAll(pacer, clock, 3); // at 0
    clock.advance(300);
    await admitAll(pacer, clock, 1); // at 300
    expect(pacer.roomIn(1)).toBe(0);
    // Two more need the first of the four to have left: at 1200, 900 ms from now.
    expect(pacer.roomIn(2)).toBe(900);
    clock.advance(900);
    expect(pacer.roomIn(2)).toBe(0);
    await admitAll(pacer, clock, 2);
    expect(clock.sleeps).toEqual([]);
  });
});
