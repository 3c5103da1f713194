// One request through the emulator: record it, apply a transport fault or delay, enforce the IMDS protocol
// rules (method, X-Forwarded-For, Metadata header, duplicate parameters, api-version), then route.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteFamily } from './scenarios.js';
import { later, type EmulatorState } from './state.js';
import { applyTransportFault } from './faults.js';
import { metadataError, oauthError, sendJson, sendText } from './respond.js';
import {
  INSTANCE_NO_METADATA_HEADER_BODY,
  NO_API_VERSION_BODY,
  TOKEN_NO_METADATA_HEADER_BODY,
  himdsApiVersionBody,
} from './fixtures/errors.js';
import { ARC_API_VERSIONS, VM_API_VERSIONS, VM_TOKEN_MIN_VERSION } from './versions.js';
import { nextStatusFault } from './status-faults.js';
import { answerInstance } from './metadata.js';
import { answerToken } from './token.js';
import { handleArcToken } from './arc-challenge.js';
import { TENANT_ID } from './identities.js';

type Route = 'versions' | 'instance' | 'token' | 'identity-info' | 'unknown';

interface Parsed {
  path: string;
  query: Record<string, string>;
  duplicate: string | undefined;
}

function parse(rawUrl: string): Parsed {
  const url = new URL(rawUrl, 'http://emulator.invalid');
  const query: Record<string, string> = {};
  let duplicate: string | undefined;
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key)) duplicate ??= key;
    else query[key] = value;
  }
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return { path, query, duplicate };
}

function record(state: EmulatorState, req: IncomingMessage, parsed: Parsed): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
  state.requests.push({
    method: req.method ?? '',
    path: parsed.path,
    query: { ...parsed.query },
    headers,
    rawHeaders: [...req.rawHeaders],
    time: Date.now(),
  });
}

function routeOf(path: string): Route {
  if (path === '/metadata/versions') return 'versions';
  if (path === '/metadata/instance' || path.startsWith('/metadata/instance/')) return 'instance';
  if (path === '/metadata/identity/oauth2/token') return 'token';
  if (path === '/metadata/identity/info') return 'identity-info';
  return 'unknown';
}

function apiVersionAccepted(
  state: EmulatorState,
  family: RouteFamily,
  route: Route,
  version: string | undefined,
): boolean {
  if (version === undefined) return false;
  if (state.mode === 'arc') return (state.spec.arcVersions ?? ARC_API_VERSIONS).includes(version);
  const list =
    family === 'metadata' && state.spec.metadataVersions ? state.spec.metadataVersions : VM_API_VERSIONS;
  return list.includes(version) && (route !== 'token' || version >= VM_TOKEN_MIN_VERSION);
}

function apiVersionError(state: EmulatorState): string {
  return state.mode === 'arc'
    ? himdsApiVersionBody(state.spec.arcVersions ?? ARC_API_VERSIONS)
    : JSON.stringify(NO_API_VERSION_BODY);
}

function serve(state: EmulatorState, req: IncomingMessage, res: ServerResponse, parsed: Parsed): void {
  const { path, query } = parsed;
  const family: RouteFamily = path.startsWith('/metadata/identity') ? 'token' : 'metadata';
  const error = (code: string, description: string): string =>
    family === 'token' ? oauthError(code, description) : metadataError(`Bad request. ${description}`);

  if (req.method !== 'GET') {
    const text =
      family === 'token'
        ? oauthError('method_not_allowed', 'The requested method is not allowed')
        : metadataError('Method not allowed');
    return sendJson(state, res, 405, text, { Allow: 'GET' });
  }
  if (req.headers['x-forwarded-for'] !== undefined) {
    return sendJson(
      state,
      res,
      400,
      error('invalid_request', 'Requests with an X-Forwarded-For header are not allowed'),
    );
  }
  if (req.headers.metadata !== 'true') {
    return sendJson(
      state,
      res,
      400,
      family === 'token' ? TOKEN_NO_METADATA_HEADER_BODY : INSTANCE_NO_METADATA_HEADER_BODY,
    );
  }
  if (parsed.duplicate !== undefined) {
    return sendJson(
      state,
      res,
      400,
      error('invalid_request', `Duplicate query parameter: ${parsed.duplicate}`),
    );
  }
  const route = routeOf(path);
  if (route === 'unknown') return sendJson(state, res, 404, metadataError('Not found'));
  if (route === 'versions') {
    const versions = state.mode === 'arc' ? (state.spec.arcVersions ?? ARC_API_VERSIONS) : VM_API_VERSIONS;
    return sendJson(state, res, 200, { apiVersions: [...versions].reverse() });
  }
  if (!apiVersionAccepted(state, family, route, query['api-version'])) {
    return sendJson(state, res, 400, apiVersionError(state));
  }
  if (route === 'identity-info') return sendJson(state, res, 200, { tenantId: TENANT_ID });

  const fault = nextStatusFault(state, route === 'token' ? 'token' : 'metadata');
  if (fault) return sendJson(state, res, fault.status, fault.body, fault.headers);

  if (route === 'token') {
    if (state.mode === 'arc') return handleArcToken(state, req, res, query);
    const answer = answerToken(state, query);
    return sendJson(state, res, answer.status, answer.body);
  }
  const segments = path.split('/').slice(3);
  const answer = answerInstance(state, segments, query);
  if (answer.text) return sendText(state, res, answer.status, answer.body);
  return sendJson(state, res, answer.status, answer.body);
}

function serveSafely(state: EmulatorState, req: IncomingMessage, res: ServerResponse, parsed: Parsed): void {
  if (state.closed) return;
  try {
    serve(state, req, res, parsed);
  } catch (err) {
    // An emulator bug must show up as a loud answer, not a hung test.
    if (!res.headersSent)
      sendJson(state, res, 500, metadataError(`emulator failure: ${(err as Error).message}`));
    else res.destroy();
  }
}

export function handleRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse): void {
  const parsed = parse(req.url ?? '/');
  record(state, req, parsed);
  const { transport, delayMs } = state.spec;
  if (transport) return applyTransportFault(transport, state, req, res, parsed.path);
  if (delayMs) return later(state, delayMs, () => serveSafely(state, req, res, parsed));
  serveSafely(state, req, res, parsed);
}
