// Waits the user would otherwise sit through in silence: a retry delay, or a request that has not answered
// after a moment. Each becomes one progress line (status words and numbers only, never a value from the
// network or a secret), and retry waits are kept so the report can say how long the run waited and why.
import type { Budget } from './budget.js';
import type { CheckId, WaitRecord } from '../types.js';
import type { RuntimeContext } from '../context.js';

/** A request still pending after this long gets a line, so a dropped path never looks like a hung step. */
export const SLOW_ANSWER_MS = 2_000;
/** Shorter retry delays are recorded but not announced. */
const ANNOUNCED_WAIT_MS = 1_500;

const seconds = (ms: number): string => `${Math.max(0, Math.round(ms / 1000))} s`;

export class ProgressLog {
  private readonly waits = new Map<string, WaitRecord>();

  constructor(
    private readonly ctx: Pick<RuntimeContext, 'progress'>,
    private readonly budget: Budget,
  ) {}

  /** Before a retry delay: `metadata: HTTP 410 (IMDS updating), retry 3 in 10 s, 62 s left`. */
  retry(check: CheckId, reason: string, attempt: number, delayMs: number): void {
    const key = `${check}\u0000${reason}`;
    const record = this.waits.get(key) ?? { check, reason, waits: 0, ms: 0 };
    record.waits += 1;
    record.ms += Math.round(delayMs);
    this.waits.set(key, record);
    if (delayMs < ANNOUNCED_WAIT_MS) return;
    const left = seconds(this.budget.remaining());
    this.ctx.progress({
      check,
      text: `${check}: ${reason}, retry ${attempt} in ${seconds(delayMs)}, ${left} left`,
    });
  }

  /** Starts a timer for one request; it speaks once if no answer came after SLOW_ANSWER_MS. */
  slow(check: CheckId, what: string, boundMs: number): () => void {
    if (boundMs <= SLOW_ANSWER_MS) return () => undefined;
    const timer = setTimeout(() => {
      this.ctx.progress({
        check,
        text: `${check}: no answer yet from ${what} after ${seconds(SLOW_ANSWER_MS)}; waiting up to ${seconds(boundMs)}`,
      });
    }, SLOW_ANSWER_MS);
    timer.unref?.();
    return () => clearTimeout(timer);
  }

  records(): WaitRecord[] {
    return [...this.waits.values()];
  }
}
