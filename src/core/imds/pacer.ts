// The run's request pacer: IMDS allows 5 requests per second per VM, counted where the requests arrive.
// Every request of a run (first checks, retries, samples, the Arc challenge's second request) is admitted
// here first, so no window of the run ever holds more. A run that stays within the limit never waits, so a
// single probe behaves exactly as before; only a burst (retries with Retry-After: 0, or sampling) is slowed.
import type { Clock } from '../context.js';

export interface RateLimit {
  /** Requests allowed in any window of `windowMs`. */
  max: number;
  windowMs: number;
}

/**
 * 5 per second, counted over 1.2 s: arrival times at the service differ from send times by the scheduling of
 * both ends (a stalled event loop, a busy core), and the limit binds where requests arrive. The margin keeps
 * an arrival-side count within 5 per second even when one request arrives up to 200 ms late.
 */
export const IMDS_RATE_LIMIT: RateLimit = { max: 5, windowMs: 1_200 };

export class RequestPacer {
  /** Admission times, oldest first; only the last `max` matter. */
  private readonly admitted: number[] = [];
  private held = 0;

  constructor(
    private readonly clock: Pick<Clock, 'now' | 'sleep'>,
    readonly limit: RateLimit = IMDS_RATE_LIMIT,
  ) {}

  /** How long from now until `count` more requests (sent back to back) fit in every window. */
  roomIn(count = 1): number {
    const keep = this.limit.max - Math.min(count, this.limit.max);
    // The request that must have left the window: the (keep+1)-th most recent admission.
    const blocking = this.admitted[this.admitted.length - keep - 1];
    if (blocking === undefined) return 0;
    return Math.max(0, blocking + this.limit.windowMs - this.clock.now());
  }

  /** Time requests were held back so far: a latency measured around a request leaves it out. */
  get heldMs(): number {
    return this.held;
  }

  /** Waits until one more request fits, then counts it as sent. */
  async admit(): Promise<void> {
    // A loop, not one sleep: a timer may fire a moment early.
    for (let wait = this.roomIn(1); wait > 0; wait = this.roomIn(1)) {
      const from = this.clock.now();
      await this.clock.sleep(wait);
      this.held += this.clock.now() - from;
    }
    this.admitted.push(this.clock.now());
    if (this.admitted.length > this.limit.max) this.admitted.shift();
  }
}
