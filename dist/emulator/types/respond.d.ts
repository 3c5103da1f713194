import type { ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';
/** Shape of the header real IMDS sends (`IMDS/<a>.<b>.<c>.<build>`). */
export declare const IMDS_SERVER_HEADER = "IMDS/150.870.65.1854";
export declare const JSON_TYPE = "application/json; charset=utf-8";
export declare function imdsHeaders(state: EmulatorState): Record<string, string>;
export declare function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string | string[]>): void;
export declare function sendJson(state: EmulatorState, res: ServerResponse, status: number, body: unknown, extra?: Record<string, string | string[]>): void;
export declare function sendText(state: EmulatorState, res: ServerResponse, status: number, text: string): void;
/** IMDS error shapes: metadata routes use `{error}`, identity routes the OAuth `{error, error_description}`. */
export declare function metadataError(message: string): string;
export declare function oauthError(code: string, description: string): string;
