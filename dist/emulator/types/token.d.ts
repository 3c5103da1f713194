import type { EmulatorState } from './state.js';
export interface Answer {
    status: number;
    body: string;
}
/**
 * HIMDS that checks the selector before challenging ('precheck'): a selector naming no user-assigned
 * identity (an unknown id, or the system identity's own id) is refused on the first request, so no key
 * file is written. Real Arc does this (MSAL Python PR #962); the body text is IMDS's "Identity not found".
 */
export declare function selectorRefusedBeforeChallenge(state: EmulatorState, query: Record<string, string>): string | undefined;
export declare function answerToken(state: EmulatorState, query: Record<string, string>): Answer;
