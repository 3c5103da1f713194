import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';
/** Header name as HIMDS spells it (the Arc docs grep for this spelling). */
export declare const CHALLENGE_HEADER = "Www-Authenticate";
/**
 * Body of the challenge. Real HIMDS sends the 401 as `Content-Type: application/json` (azure-identity debug
 * log in MSAL Python issue #812); msal-node JSON-parses every answer, so an empty body breaks it. The text
 * itself has not been published, so this wording is the emulator's own.
 */
export declare const CHALLENGE_BODY: string;
export declare function handleArcToken(state: EmulatorState, req: IncomingMessage, res: ServerResponse, query: Record<string, string>): void;
