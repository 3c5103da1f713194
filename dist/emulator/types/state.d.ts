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
export declare function seededRandom(seed: number): () => number;
/** setTimeout that close() cancels. */
export declare function later(state: EmulatorState, ms: number, fn: () => void): void;
/** setInterval that close() cancels. */
export declare function every(state: EmulatorState, ms: number, fn: () => void): NodeJS.Timeout;
