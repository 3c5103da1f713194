import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EmulatorState } from './state.js';
export declare function handleRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse): void;
