// One request through the emulator: record it, apply a transport fault or delay, enforce the IMDS protocol
// rules (rules.ts), then route.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { later, type EmulatorState } from './state.js';
import { applyTransportFault } from './faults.js';
import { metadataError, sendJson, sendText } from './respond.js';
import { ARC_API_VERSIONS, VM_API_VERSIONS } from './versions.js';
import { nextStatusFault } from './status-faults.js';
import { answerInstance } from './metadata.js';
import { answerToken, type Answer } from './token.js';
import { handleArcToken } from './arc-challenge.js';
import { answerAttested, answerLoadBalancer, answerScheduledEvents } from './extra-routes.js';
import { TENANT_ID } from './identities.js';
import { apiVersionRefusal, NOT_FOUND_BODY, protocolRefusal, routeOf, type Route } from './rules.js';
import type { RecordedRequest } from './types.js';

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
  // A trailing slash is tolerated: msal-node appends one when AZURE_POD_IDENTITY_AUTHORITY_HOST is set.
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return { path, query, duplicate };
}

function record(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  parsed: Parsed,
): RecordedRequest {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
  const entry: RecordedRequest = {
    method: req.method ?? '',
    path: parsed.path,
    query: { ...parsed.query },
    headers,
    rawHeaders: [...req.rawHeaders],
    time: Date.now(),
  };
  state.requests.push(entry);
  res.on('finish', () => {
    entry.status = res.statusCode;
    entry.answeredAt = Date.now();
  });
  return entry;
}

/** A route's answer once every rule passed. */
function answerRoute(
  state: EmulatorState,
  route: Exclude<Route, 'versions' | 'outside'>,
  parsed: Parsed,
): Answer & { text?: boolean } {
  const { path, query } = parsed;
  switch (route) {
    case 'unknown-metadata':
      return { status: 404, body: NOT_FOUND_BODY };
    case 'identity-info':
      return { status: 200, body: JSON.stringify({ tenantId: TENANT_ID }) };
    case 'attested':
      return answerAttested(state, query);
    case 'loadbalancer':
      return answerLoadBalancer();
    case 'scheduledevents':
      return answerScheduledEvents();
    case 'token':
      return answerToken(state, query);
    case 'instance':
      return answerInstance(state, path.split('/').slice(3), query);
  }
}

function serve(state: EmulatorState, req: IncomingMessage, res: ServerResponse, parsed: Parsed): void {
  const refused = protocolRefusal(state, req, parsed.path, parsed.duplicate);
  if (refused) return sendJson(state, res, refused.status, refused.body, refused.headers);
  const route = routeOf(state, parsed.path);
  if (route === 'outside') return sendJson(state, res, 404, NOT_FOUND_BODY);
  if (route === 'versions') {
    const versions = state.mode === 'arc' ? (state.spec.arcVersions ?? ARC_API_VERSIONS) : VM_API_VERSIONS;
    return sendJson(state, res, 200, { apiVersions: [...versions].reverse() });
  }
  const badVersion = apiVersionRefusal(state, route, parsed.query['api-version']);
  if (badVersion) return sendJson(state, res, badVersion.status, badVersion.body);

  if (route === 'token' || route === 'instance') {
    const fault = nextStatusFault(state, route === 'token' ? 'token' : 'metadata');
    if (fault) return sendJson(state, res, fault.status, fault.body, fault.headers);
  }
  if (route === 'token' && state.mode === 'arc') return handleArcToken(state, req, res, parsed.query);
  const answer = answerRoute(state, route, parsed);
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

function delayFor(state: EmulatorState): number {
  const { delayMs = 0, jitterMs } = state.spec;
  if (!jitterMs) return delayMs;
  const [min, max] = jitterMs;
  return delayMs + Math.round(min + state.jitterRandom() * (max - min));
}

export function handleRequest(state: EmulatorState, req: IncomingMessage, res: ServerResponse): void {
  const parsed = parse(req.url ?? '/');
  const entry = record(state, req, res, parsed);
  const { transport } = state.spec;
  if (transport) return applyTransportFault(transport, state, req, res, parsed.path);
  const delay = delayFor(state);
  entry.delayMs = delay;
  if (delay > 0) return later(state, delay, () => serveSafely(state, req, res, parsed));
  serveSafely(state, req, res, parsed);
}
