// Response helpers: every IMDS answer carries the IMDS Server header (unless the scenario drops it) and an
// exact Content-Length; HIMDS sends no Server header.

import type { ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';
import { withErrorOverrides } from './overrides.js';

/** Shape of the header real IMDS sends (`IMDS/<a>.<b>.<c>.<build>`). */
export const IMDS_SERVER_HEADER = 'IMDS/150.870.65.1854';
export const JSON_TYPE = 'application/json; charset=utf-8';

export function imdsHeaders(state: EmulatorState): Record<string, string> {
  return state.mode === 'vm' && !state.spec.noServerHeader ? { Server: IMDS_SERVER_HEADER } : {};
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]>,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', String(bytes.length));
  res.writeHead(status);
  res.end(bytes);
}

export function sendJson(
  state: EmulatorState,
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string | string[]> = {},
): void {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  // Every error answer the emulator generates passes here, so one place applies the error-text overrides.
  const text = status >= 400 ? withErrorOverrides(json, state.overrides) : json;
  send(res, status, text, { ...imdsHeaders(state), 'Content-Type': JSON_TYPE, ...extra });
}

export function sendText(state: EmulatorState, res: ServerResponse, status: number, text: string): void {
  send(res, status, text, { ...imdsHeaders(state), 'Content-Type': 'text/plain; charset=utf-8' });
}

/** IMDS error shapes: metadata routes use `{error}`, identity routes the OAuth `{error, error_description}`. */
export function metadataError(message: string): string {
  return JSON.stringify({ error: message });
}

export function oauthError(code: string, description: string): string {
  return JSON.stringify({ error: code, error_description: description });
}
