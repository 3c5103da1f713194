// All mutable state of one emulator instance. Nothing is module-global, so parallel emulators never interfere.

import type { Socket } from 'node:net';
import type { EmulatorIdentity, EmulatorMode, RecordedRequest } from './types.js';
import type { RouteFamily, ScenarioSpec } from './scenarios.js';

export interface EmulatorState {
  mode: EmulatorMode;
  spec: ScenarioSpec;
  identities: readonly EmulatorIdentity[];
  tokensDir: string | null;
  /** Directory for bait files outside tokensDir (Arc only). */
  baitDir: string | null;
  requests: RecordedRequest[];
  issuedTokens: string[];
  issuedSecrets: string[];
  baitPaths: string[];
  /** Outstanding Arc challenge secrets → the key file that holds each. */
  secrets: Map<string, string>;
  /** Valid requests seen per route family, for "N faults then OK" scenarios. */
  counters: Record<RouteFamily, number>;
  sockets: Set<Socket>;
  timers: Set<NodeJS.Timeout>;
  /** Paths to remove on close (files first, then directories, in reverse order of creation). */
  cleanup: string[];
  closed: boolean;
}

/** setTimeout that close() cancels. */
export function later(state: EmulatorState, ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    fn();
  }, ms);
  state.timers.add(timer);
}

/** setInterval that close() cancels. */
export function every(state: EmulatorState, ms: number, fn: () => void): NodeJS.Timeout {
  const timer = setInterval(fn, ms);
  state.timers.add(timer);
  return timer;
}
