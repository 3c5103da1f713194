// All mutable state of one emulator instance. Nothing is module-global, so parallel emulators never interfere.

import type { Socket } from 'node:net';
import type { EmulatorIdentity, EmulatorMode, EmulatorOverrides, RecordedRequest } from './types.js';
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
  /** When each route family saw its first valid request (ms since the epoch), for time-window faults. */
  firstSeen: Partial<Record<RouteFamily, number>>;
  sockets: Set<Socket>;
  timers: Set<NodeJS.Timeout>;
  /** Paths to remove on close (files first, then directories, in reverse order of creation). */
  cleanup: string[];
  closed: boolean;
  overrides: EmulatorOverrides;
  /** Seeded PRNG streams in [0, 1): one for random-rate faults, one for jitter, so neither shifts the other. */
  faultRandom: () => number;
  jitterRandom: () => number;
  arcKeyLifetimeMs: number;
  /** The realm spelling of a key file's host path (StartOptions.arcRealmPath). */
  arcRealmPath: (hostPath: string) => string;
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for reproducible fault patterns, not for secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
