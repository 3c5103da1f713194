// The run's deadline: every wait and every per-attempt bound is capped by what is left of timeout-seconds.
import type { Clock } from '../context.js';

export class Budget {
  private readonly deadline: number;
  constructor(
    private readonly clock: Clock,
    totalMs: number,
  ) {
    this.deadline = clock.now() + totalMs;
  }
  remaining(): number {
    return Math.max(0, this.deadline - this.clock.now());
  }
  expired(): boolean {
    return this.remaining() <= 0;
  }
  /** A bound for one phase: its own limit, or less when the run is nearly out of time. */
  cap(ms: number): number {
    return Math.min(ms, this.remaining());
  }
}
