import { type EmulatorState } from './state.js';
/** Content of every bait file. Shaped like a real secret (64 hex chars) so a careless client would send it. */
export declare const baitContent = "ba17ba17c0ffee00deadbeef5ec2e7ba17ba17c0ffee00deadbeef5ec2e70000";
export declare const OVERSIZED_KEY_BYTES = 5000;
export interface ArcDirs {
    tokensDir: string;
    baitDir: string;
    cleanup: string[];
}
/** Default: one private temp root holding `tokens/` and a sibling `outside/` for bait, so `tokens/..` is ours too. */
export declare function prepareArcDirs(tokensDirOption: string | undefined): ArcDirs;
/**
 * A fresh single-use secret in a new .key file; returns its path. Real HIMDS key files are single-use and
 * short-lived (imds-protocol.md §4.3): an unused one goes, with its secret, after `arcKeyLifetimeMs`.
 */
export declare function writeSecretFile(state: EmulatorState): string;
/** The realm path of one bad-key challenge; `variant` is the scenario's ArcKeyVariant. */
export declare function writeBadKey(state: EmulatorState, variant: string): string;
/** Consumes an outstanding secret: true when it was valid. The file goes, as HIMDS removes it. */
export declare function redeemSecret(state: EmulatorState, secret: string): boolean;
export declare function removeAll(paths: readonly string[]): void;
