import type { EmulatorOverrides } from './types.js';
/** Throws for override values that cannot be sent at all; called once by startEmulator. */
export declare function checkOverrides(overrides: EmulatorOverrides): void;
/**
 * A header value as raw UTF-8 bytes: node:http writes a string's code units 0x80-0xFF as single bytes
 * (latin1), so re-coding the UTF-8 bytes as latin1 puts exactly those bytes on the wire (obs-text in HTTP).
 */
export declare function utf8HeaderValue(text: string): string;
/** A deep copy of the instance document with the compute overrides applied. */
export declare function withComputeOverrides(document: unknown, overrides: EmulatorOverrides): unknown;
/**
 * Applies `error` / `errorDescription` to a JSON error body. Bodies that are not a JSON object (never the
 * case for bodies the emulator writes itself) pass unchanged.
 */
export declare function withErrorOverrides(body: string, overrides: EmulatorOverrides): string;
