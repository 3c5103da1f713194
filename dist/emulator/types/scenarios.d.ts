import type { EmulatorMode, ScenarioInfo } from './types.js';
/** Something answers before any IMDS logic runs: models interceptors, proxies and broken sockets. */
export type TransportFault = 'silent' | 'trickle' | 'reset' | 'html' | 'huge-body' | 'malformed-json' | 'proxy-502' | 'proxy-fail-to-connect' | 'wrong-shape';
/** How the Arc challenge points at its key file. 'normal' is the only honest one. */
export type ArcKeyVariant = 'normal' | 'outside' | 'not-key' | 'oversized' | 'symlink' | 'dotdot' | 'fifo' | 'dir' | 'quoted' | 'two';
export type RouteFamily = 'metadata' | 'token';
/** An IMDS-generated error status for `times` valid requests of a route family, after the first `after`. */
export interface StatusFault {
    route: RouteFamily;
    status: number;
    times: number;
    /** Valid requests answered normally before the fault starts (a burst later in the run). Default 0. */
    after?: number;
    /** Instead of counting: every valid request within this many ms of the family's first one (an IMDS update). */
    forMs?: number;
    retryAfter?: string;
}
/** A fault that recurs: every k-th valid request, or each one with a probability from the seeded PRNG. */
export type IntermittentFault = {
    route: RouteFamily;
    status: number;
} & ({
    every: number;
} | {
    rate: number;
});
export type IdentitySet = 'none' | 'users-only' | 'one-user' | 'with-users';
export interface ScenarioSpec extends ScenarioInfo {
    transport?: TransportFault;
    delayMs?: number;
    noServerHeader?: boolean;
    statusFaults?: StatusFault[];
    intermittent?: IntermittentFault[];
    /** Each answer waits a uniform random [min, max] ms from the seeded PRNG. */
    jitterMs?: readonly [number, number];
    identitySet?: IdentitySet;
    /** VM metadata: the machine was created from a custom (gallery) image, not a marketplace one. */
    image?: 'custom';
    /**
     * Arc: 'legacy' agents ignore user-assigned selectors and answer with the system identity; 'precheck'
     * agents refuse a selector that names no user-assigned identity on the first request, before challenging.
     */
    arcSelectors?: 'supported' | 'legacy' | 'precheck';
    invalidResource?: boolean;
    expiredToken?: boolean;
    metadataVersions?: readonly string[];
    /** Arc: versions accepted on every route. */
    arcVersions?: readonly string[];
    arcKey?: ArcKeyVariant;
    rejectSecret?: boolean;
    down?: boolean;
}
export declare const SCENARIOS: readonly ScenarioSpec[];
export declare function findScenario(name: string): ScenarioSpec | undefined;
export declare function listScenarios(mode?: EmulatorMode): ScenarioInfo[];
