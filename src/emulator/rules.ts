// The IMDS protocol rules every request meets before routing, in the order real IMDS applies them: method,
// X-Forwarded-For, Metadata header, duplicate parameters, then (for every /metadata route but versions) the
// api-version, before the route is looked up: `GET /metadata` without api-version is a 400, not a 404
// (the captured request in fixtures azure-compute-docs-pr289-no-api-version-400.json).

import type { IncomingMessage } from 'node:http';
import type { EmulatorState } from './state.js';
import type { RouteFamily } from './scenarios.js';
import { metadataError, oauthError } from './respond.js';
import {
  INSTANCE_NO_METADATA_HEADER_BODY,
  NO_API_VERSION_BODY,
  TOKEN_NO_METADATA_HEADER_BODY,
  himdsApiVersionBody,
} from './fixtures/errors.js';
import {
  ARC_API_VERSIONS,
  ROUTE_MIN_VERSION,
  SCHEDULED_EVENTS_API_VERSIONS,
  VM_API_VERSIONS,
} from './versions.js';

export type Route =
  | 'versions'
  | 'instance'
  | 'token'
  | 'identity-info'
  | 'attested'
  | 'loadbalancer'
  | 'scheduledevents'
  | 'unknown-metadata'
  | 'outside';

export interface Refusal {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const VM_ONLY_ROUTES = new Set<Route>(['attested', 'loadbalancer', 'scheduledevents']);

export function routeOf(state: EmulatorState, path: string): Route {
  const route = ((): Route => {
    if (path === '/metadata/versions') return 'versions';
    if (path === '/metadata/instance' || path.startsWith('/metadata/instance/')) return 'instance';
    if (path === '/metadata/identity/oauth2/token') return 'token';
    if (path === '/metadata/identity/info') return 'identity-info';
    if (path === '/metadata/attested/document') return 'attested';
    if (path === '/metadata/loadbalancer') return 'loadbalancer';
    if (path === '/metadata/scheduledevents') return 'scheduledevents';
    return path === '/metadata' || path.startsWith('/metadata/') ? 'unknown-metadata' : 'outside';
  })();
  // HIMDS serves instance metadata and tokens only.
  return state.mode === 'arc' && VM_ONLY_ROUTES.has(route) ? 'unknown-metadata' : route;
}

export function familyOf(path: string): RouteFamily {
  return path.startsWith('/metadata/identity') ? 'token' : 'metadata';
}

/**
 * Metadata header check. VM IMDS wants exactly lower-case `true` (the token doc calls it an SSRF
 * mitigation, imds-protocol.md §1.2); HIMDS accepts `True` too: Microsoft's Arc PowerShell sample sends
 * `Metadata='True'` and gets its token (managed-identity-authentication.md).
 */
function metadataHeaderOk(state: EmulatorState, value: string | string[] | undefined): boolean {
  if (typeof value !== 'string') return false;
  return state.mode === 'arc' ? value.toLowerCase() === 'true' : value === 'true';
}

/** Method, X-Forwarded-For, Metadata header, duplicate parameters: a refusal, or undefined to go on. */
export function protocolRefusal(
  state: EmulatorState,
  req: IncomingMessage,
  path: string,
  duplicate: string | undefined,
): Refusal | undefined {
  const family = familyOf(path);
  const error = (code: string, description: string): string =>
    family === 'token' ? oauthError(code, description) : metadataError(`Bad request. ${description}`);
  if (req.method !== 'GET') {
    const body =
      family === 'token'
        ? oauthError('method_not_allowed', 'The requested method is not allowed')
        : metadataError('Method not allowed');
    return { status: 405, body, headers: { Allow: 'GET' } };
  }
  if (req.headers['x-forwarded-for'] !== undefined) {
    return {
      status: 400,
      body: error('invalid_request', 'Requests with an X-Forwarded-For header are not allowed'),
    };
  }
  if (!metadataHeaderOk(state, req.headers.metadata)) {
    return {
      status: 400,
      body: family === 'token' ? TOKEN_NO_METADATA_HEADER_BODY : INSTANCE_NO_METADATA_HEADER_BODY,
    };
  }
  if (duplicate !== undefined) {
    return { status: 400, body: error('invalid_request', `Duplicate query parameter: ${duplicate}`) };
  }
  return undefined;
}

function versionsFor(state: EmulatorState, route: Route): readonly string[] {
  if (state.mode === 'arc') return state.spec.arcVersions ?? ARC_API_VERSIONS;
  if (route === 'scheduledevents') return SCHEDULED_EVENTS_API_VERSIONS;
  if (route === 'instance' && state.spec.metadataVersions) return state.spec.metadataVersions;
  return VM_API_VERSIONS;
}

/** The api-version rule for a /metadata route (not /metadata/versions): a refusal, or undefined. */
export function apiVersionRefusal(
  state: EmulatorState,
  route: Route,
  version: string | undefined,
): Refusal | undefined {
  const known = version !== undefined && versionsFor(state, route).includes(version);
  const minimum = state.mode === 'vm' ? ROUTE_MIN_VERSION[route] : undefined;
  if (known && (minimum === undefined || (version ?? '') >= minimum)) return undefined;
  if (state.mode === 'vm') return { status: 400, body: JSON.stringify(NO_API_VERSION_BODY) };
  const supported = state.spec.arcVersions ?? ARC_API_VERSIONS;
  return { status: 400, body: himdsApiVersionBody(supported, state.overrides.arcSupportedText) };
}

export const NOT_FOUND_BODY = metadataError('Not found');
