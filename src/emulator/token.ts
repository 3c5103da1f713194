// The token answer once a request has passed the protocol rules (and, on Arc, the challenge): identity
// selection, resource check, minting. Returns status + body; the caller writes it.

import { randomUUID } from 'node:crypto';
import type { EmulatorIdentity } from './types.js';
import type { EmulatorState } from './state.js';
import { IDENTITY_NOT_FOUND_BODY, MULTIPLE_USER_IDENTITIES_BODY } from './fixtures/errors.js';
import { VM_RESOURCE_ID } from './fixtures/vm-instance.js';
import { ARC_RESOURCE_ID } from './fixtures/arc-instance.js';
import { TENANT_ID } from './identities.js';
import { mintAccessToken, tokenTimes } from './jwt.js';
import { oauthError } from './respond.js';

export interface Answer {
  status: number;
  body: string;
}

type SelectorName = 'client_id' | 'object_id' | 'msi_res_id';
const SELECTORS: readonly SelectorName[] = ['client_id', 'object_id', 'msi_res_id'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function looksLikeResource(resource: string): boolean {
  if (GUID.test(resource)) return true;
  try {
    return ['http:', 'https:', 'api:'].includes(new URL(resource).protocol);
  } catch {
    return false;
  }
}

function matches(identity: EmulatorIdentity, selector: SelectorName, value: string): boolean {
  const own =
    selector === 'client_id'
      ? identity.clientId
      : selector === 'object_id'
        ? identity.objectId
        : identity.resourceId;
  return own !== undefined && own.toLowerCase() === value.toLowerCase();
}

type Given = { name: SelectorName; value: string };

/**
 * The selectors present in the query. VM IMDS accepts `mi_res_id` as an alias of `msi_res_id` (it only
 * documents the latter; imds-protocol.md §3.1); HIMDS ignores `mi_res_id` (§4.6), and legacy HIMDS ignores
 * every selector.
 */
function givenSelectors(state: EmulatorState, query: Record<string, string>): Given[] {
  if (state.mode === 'arc' && state.spec.arcSelectors === 'legacy') return [];
  const given: Given[] = SELECTORS.filter((name) => (query[name] ?? '') !== '').map((name) => ({
    name,
    value: query[name] ?? '',
  }));
  const alias = query.mi_res_id ?? '';
  if (state.mode === 'vm' && alias !== '') given.push({ name: 'msi_res_id', value: alias });
  return given;
}

const TOO_MANY_SELECTORS = oauthError(
  'invalid_request',
  'Only one of client_id, object_id or msi_res_id may be specified',
);

type Choice = { identity: EmulatorIdentity; selector?: SelectorName } | { error: string };

function chooseIdentity(state: EmulatorState, query: Record<string, string>): Choice {
  const given = givenSelectors(state, query);
  if (given.length > 1) return { error: TOO_MANY_SELECTORS };
  const selector = given[0];
  if (selector !== undefined) {
    const found = state.identities.find((identity) => matches(identity, selector.name, selector.value));
    return found ? { identity: found, selector: selector.name } : { error: IDENTITY_NOT_FOUND_BODY };
  }
  const system = state.identities.find((identity) => identity.kind === 'system');
  if (system) return { identity: system };
  const users = state.identities.filter((identity) => identity.kind === 'user');
  if (users.length > 1) return { error: MULTIPLE_USER_IDENTITIES_BODY };
  return users[0] ? { identity: users[0] } : { error: IDENTITY_NOT_FOUND_BODY };
}

/**
 * HIMDS that checks the selector before challenging ('precheck'): a selector naming no user-assigned
 * identity (an unknown id, or the system identity's own id) is refused on the first request, so no key
 * file is written. Real Arc does this (MSAL Python PR #962); the body text is IMDS's "Identity not found".
 */
export function selectorRefusedBeforeChallenge(
  state: EmulatorState,
  query: Record<string, string>,
): string | undefined {
  if (state.spec.arcSelectors !== 'precheck') return undefined;
  const given = givenSelectors(state, query);
  if (given.length > 1) return TOO_MANY_SELECTORS;
  const selector = given[0];
  if (selector === undefined) return undefined;
  const users = state.identities.filter((identity) => identity.kind === 'user');
  return users.some((identity) => matches(identity, selector.name, selector.value))
    ? undefined
    : IDENTITY_NOT_FOUND_BODY;
}

function invalidResource(resource: string): string {
  const now = new Date();
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const stamp = now
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z'); // AAD style: 2026-11-25 18:00:00Z
  return JSON.stringify({
    error: 'invalid_resource',
    error_description:
      `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${TENANT_ID}. ` +
      'This can happen if the application has not been installed by the administrator of the tenant or consented to by ' +
      'any user in the tenant. You might have sent your authentication request to the wrong tenant. ' +
      `Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${stamp}`,
    error_codes: [500011],
    timestamp: stamp,
    trace_id: traceId,
    correlation_id: correlationId,
  });
}

export function answerToken(state: EmulatorState, query: Record<string, string>): Answer {
  const resource = query.resource ?? '';
  if (resource === '') {
    return { status: 400, body: oauthError('invalid_request', 'Required audience parameter not specified') };
  }
  const choice = chooseIdentity(state, query);
  if ('error' in choice) return { status: 400, body: choice.error };
  if (state.spec.invalidResource || !looksLikeResource(resource)) {
    return { status: 400, body: invalidResource(resource) };
  }

  const { identity, selector } = choice;
  const machineId = state.mode === 'arc' ? ARC_RESOURCE_ID : VM_RESOURCE_ID;
  const mirid = identity.kind === 'system' ? machineId : (identity.resourceId ?? '');
  const now = Math.floor(Date.now() / 1000);
  const times = tokenTimes(now, state.spec.expiredToken === true);
  const accessToken = mintAccessToken(identity, resource, mirid, times, state.overrides.claims);

  const expiresIn = String(Math.max(0, times.exp - now));
  const body: Record<string, string> = {
    access_token: accessToken,
    refresh_token: '',
    expires_in: expiresIn,
    expires_on: String(times.exp),
    ext_expires_in: expiresIn,
    not_before: String(times.nbf),
    resource,
    token_type: 'Bearer',
    client_id: identity.clientId,
  };
  // Echo the selector the way IMDS (2023-07-01 swagger) and modern HIMDS do.
  if (selector === 'object_id') body.object_id = identity.objectId;
  if (selector === 'msi_res_id') body.msi_res_id = identity.resourceId ?? '';
  Object.assign(body, state.overrides.tokenAnswer);
  // What went on the wire is what a leak scan must look for.
  state.issuedTokens.push(body.access_token ?? accessToken);
  return { status: 200, body: JSON.stringify(body) };
}
