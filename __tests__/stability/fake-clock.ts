// A clock for pacing tests: time moves only when slept on or advanced. `early` makes every sleep wake that
// many ms before it should, as a real timer sometimes does.
import type { Clock } from '../../src/core/index.js';

export interface TestClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

export function testClock(start = 1_000_000, early = 0): TestClock {
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
      now += Math.max(1, ms - early);
    },
  };
}
