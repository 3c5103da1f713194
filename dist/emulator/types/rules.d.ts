import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from './state.js';
import type { RouteFamily } from './scenarios.js';
export type Route = 'versions' | 'instance' | 'token' | 'identity-info' | 'attested' | 'loadbalancer' | 'scheduledevents' | 'unknown-metadata' | 'outside';
export interface Refusal {
    status: number;
    body: string;
    headers?: Record<string, string>;
}
export declare function routeOf(state: EmulatorState, path: string): Route;
export declare function familyOf(path: string): RouteFamily;
/** Method, X-Forwarded-For, Metadata header, duplicate parameters: a refusal, or undefined to go on. */
export declare function protocolRefusal(state: EmulatorState, req: IncomingMessage, path: string, duplicate: string | undefined): Refusal | undefined;
/** The api-version rule for a /metadata route (not /metadata/versions): a refusal, or undefined. */
export declare function apiVersionRefusal(state: EmulatorState, route: Route, version: string | undefined): Refusal | undefined;
export declare const NOT_FOUND_BODY: string;
