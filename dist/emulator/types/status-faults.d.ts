import type { RouteFamily } from './scenarios.js';
import type { EmulatorState } from './state.js';
export interface FaultAnswer {
    status: number;
    body: string;
    headers: Record<string, string>;
}
/** Counts this request and returns the fault answer if one applies. */
export declare function nextStatusFault(state: EmulatorState, route: RouteFamily): FaultAnswer | undefined;
