// The one test clock: time moves only when slept on or advanced, and every sleep is recorded. `early` makes
// every sleep wake that many ms before it should (at least 1 ms later), as a real timer sometimes does.
import type { Clock } from '../../src/core/index.js';

export interface FakeClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 0, 15, 12, 0, 0), early = 0): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms) {
      sleeps.push(ms);
      now += early > 0 ? Math.max(1, ms - early) : ms;
    },
  };
}
