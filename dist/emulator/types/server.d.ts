import type { Emulator, StartOptions } from './types.js';
/** How long an unused Arc key file lives (real ones are short-lived; the value itself is not published). */
export declare const DEFAULT_ARC_KEY_LIFETIME_MS = 10000;
export declare function startEmulator(options?: StartOptions): Promise<Emulator>;
