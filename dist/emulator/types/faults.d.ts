import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TransportFault } from './scenarios.js';
import { type EmulatorState } from './state.js';
export declare const HUGE_BODY_BYTES: number;
export declare const TRICKLE_INTERVAL_MS = 500;
/** Answers the request according to the fault. */
export declare function applyTransportFault(fault: TransportFault, state: EmulatorState, req: IncomingMessage, res: ServerResponse, path: string): void;
