// What the clock check leaves for later steps (the ama check's settle reads it through findings.clock).
import type { Finding } from '../../types.js';

export interface ClockFinding extends Finding {
  /** Local minus Azure in whole seconds; null when not measured. */
  skewSeconds: number | null;
  /** The skew is above the warning threshold. */
  off: boolean;
}
