// The conformance matrix: each case is an emulator scenario, the identity the application asks for, and what
// each real client must end with: a token whose appid is the expected identity's client id, or the client's
// documented error (name and code), plus how many token requests the emulator saw (the retry behaviour).
import {
  ARC_SYSTEM_IDENTITY,
  SYSTEM_IDENTITY,
  USER_IDENTITY_1,
  USER_IDENTITY_2,
  type EmulatorIdentity,
} from '../../src/emulator/index.js';
import type { ClientName } from './runtime.js';

export type SelectorKind = 'clientId' | 'objectId' | 'resourceId';

export interface Selector {
  by: SelectorKind;
  value: string;
}

export type Expected = { token: EmulatorIdentity } | { error: { name: string; code: string } };

export interface ConformanceCase {
  /** Row label in the printed table and the test name. */
  row: string;
  scenario: string;
  mode: 'vm' | 'arc';
  selector?: Selector;
  expect: Partial<Record<ClientName, Expected>>;
  /** Token-route requests the emulator must have seen per client (shows who retried). */
  tokenRequests?: Partial<Record<ClientName, number>>;
  /** Arc: the clients read the bait file behind the realm and send it (default: they must not). */
  sendsBait?: boolean;
}

export const UNKNOWN_CLIENT_ID = '11111111-2222-3333-4444-555555555555';

const byClient = (identity: EmulatorIdentity): Selector => ({ by: 'clientId', value: identity.clientId });
const both = (e: Expected): Partial<Record<ClientName, Expected>> => ({ identity: e, msal: e });

/** @azure/identity wraps every MSAL failure in CredentialUnavailableError; the MSAL code is its cause's. */
const idError = (code: string): Expected => ({ error: { name: 'CredentialUnavailableError', code } });
const msalError = (name: string, code: string): Expected => ({ error: { name, code } });
const errors = (msalName: string, code: string): Partial<Record<ClientName, Expected>> => ({
  identity: idError(code),
  msal: msalError(msalName, code),
});

/** A user-assigned identity chosen by each of the three selectors; each must come back as that identity. */
function userIdentityCases(mode: 'vm' | 'arc', scenario: string): ConformanceCase[] {
  const selectors: [string, Selector, EmulatorIdentity][] = [
    ['client id', byClient(USER_IDENTITY_1), USER_IDENTITY_1],
    ['object id', { by: 'objectId', value: USER_IDENTITY_1.objectId }, USER_IDENTITY_1],
    ['resource id', { by: 'resourceId', value: USER_IDENTITY_2.resourceId ?? '' }, USER_IDENTITY_2],
  ];
  return selectors.map(([name, selector, identity]) => ({
    row: `user identity by ${name}`,
    scenario,
    mode,
    selector,
    expect: both({ token: identity }),
  }));
}

export const VM_CASES: ConformanceCase[] = [
  { row: 'system identity', scenario: 'healthy', mode: 'vm', expect: both({ token: SYSTEM_IDENTITY }) },
  ...userIdentityCases('vm', 'healthy'),
  {
    row: 'identity not found (unknown client id)',
    scenario: 'healthy',
    mode: 'vm',
    selector: { by: 'clientId', value: UNKNOWN_CLIENT_ID },
    expect: errors('ServerError', 'invalid_request'),
  },
  {
    row: 'no identity on the machine',
    scenario: 'no-identity',
    mode: 'vm',
    expect: errors('ServerError', 'invalid_request'),
  },
  {
    row: 'multiple identities, no selector',
    scenario: 'multiple-user-identities',
    mode: 'vm',
    expect: errors('ServerError', 'invalid_request'),
  },
  {
    row: 'multiple identities, client id',
    scenario: 'multiple-user-identities',
    mode: 'vm',
    selector: byClient(USER_IDENTITY_2),
    expect: both({ token: USER_IDENTITY_2 }),
  },
  {
    row: '429 with Retry-After (twice)',
    scenario: 'throttled-then-ok',
    mode: 'vm',
    expect: both({ token: SYSTEM_IDENTITY }),
    tokenRequests: { identity: 3, msal: 3 },
  },
  {
    // core-rest-pipeline retries 429 only with Retry-After; msal-node's IMDS policy retries it anyway.
    row: '429 without Retry-After (twice)',
    scenario: 'throttled-no-retry-after',
    mode: 'vm',
    expect: { identity: idError('too_many_requests'), msal: { token: SYSTEM_IDENTITY } },
    tokenRequests: { identity: 1, msal: 3 },
  },
  {
    // @azure/identity's imdsRetryPolicy retries 410 after >= 3 s; msal-node's IMDS policy after 10 s.
    row: '410 on the token route (once)',
    scenario: 'token-gone-then-ok',
    mode: 'vm',
    expect: both({ token: SYSTEM_IDENTITY }),
    tokenRequests: { identity: 2, msal: 2 },
  },
];

const arcSystem: Expected = { token: ARC_SYSTEM_IDENTITY };

export const ARC_CASES: ConformanceCase[] = [
  {
    row: 'system identity (challenge followed)',
    scenario: 'arc-healthy',
    mode: 'arc',
    expect: both(arcSystem),
    tokenRequests: { identity: 2, msal: 2 },
  },
  ...userIdentityCases('arc', 'arc-user-supported'),
  {
    row: 'multiple identities, no selector',
    scenario: 'arc-user-supported',
    mode: 'arc',
    expect: both(arcSystem),
  },
  {
    row: 'identity not found (after the challenge)',
    scenario: 'arc-user-supported',
    mode: 'arc',
    selector: { by: 'clientId', value: UNKNOWN_CLIENT_ID },
    expect: errors('ServerError', 'invalid_request'),
    tokenRequests: { identity: 2, msal: 2 },
  },
  {
    row: 'selector refused before the challenge',
    scenario: 'arc-selector-rejected',
    mode: 'arc',
    selector: byClient(ARC_SYSTEM_IDENTITY),
    expect: errors('ServerError', 'invalid_request'),
    tokenRequests: { identity: 1, msal: 1 },
  },
  {
    row: 'legacy agent ignores the selector',
    scenario: 'arc-legacy-user',
    mode: 'arc',
    selector: byClient(USER_IDENTITY_1),
    expect: errors('ManagedIdentityError', 'user_assigned_managed_identity_not_confirmed'),
  },
  {
    row: 'no identity on the machine',
    scenario: 'no-identity',
    mode: 'arc',
    expect: errors('ServerError', 'invalid_request'),
  },
  {
    row: '429 with Retry-After (twice)',
    scenario: 'throttled-then-ok',
    mode: 'arc',
    expect: both(arcSystem),
    tokenRequests: { identity: 4, msal: 4 },
  },
  {
    row: '429 without Retry-After (twice)',
    scenario: 'throttled-no-retry-after',
    mode: 'arc',
    expect: { identity: idError('too_many_requests'), msal: arcSystem },
    tokenRequests: { identity: 1, msal: 4 },
  },
  {
    row: '410 on the token route (once)',
    scenario: 'token-gone-then-ok',
    mode: 'arc',
    expect: { identity: arcSystem, msal: msalError('ServerError', 'service_unavailable') },
    tokenRequests: { identity: 3, msal: 1 },
  },
  ...(
    [
      ['realm outside the tokens dir', 'arc-realm-outside', 'invalid_file_path'],
      ['realm <tokens>/../bait.key', 'arc-dotdot', 'invalid_file_path'],
      ['realm not a .key file', 'arc-not-key', 'invalid_file_extension'],
      ['key file over 4096 bytes', 'arc-oversized-key', 'invalid_secret'],
      ['realm quoted with charset', 'arc-quoted-realm', 'invalid_file_extension'],
      ['realm is a directory', 'arc-dir-key', 'unable_to_read_secret_file'],
      ['two challenges', 'arc-two-challenges', 'invalid_file_extension'],
    ] as const
  ).map(([row, scenario, code]): ConformanceCase => ({
    row: `refused realm: ${row}`,
    scenario,
    mode: 'arc',
    expect: errors('ManagedIdentityError', code),
    tokenRequests: { identity: 1, msal: 1 },
  })),
  {
    // Both SDKs check the realm's path as a string, then stat/read through the link.
    row: 'symlinked key file (followed: the bait is sent)',
    scenario: 'arc-symlink-escape',
    mode: 'arc',
    expect: errors('ServerError', 'unauthorized_client'),
    tokenRequests: { identity: 2, msal: 2 },
    sendsBait: true,
  },
  {
    row: 'correct secret answered with 401',
    scenario: 'arc-reject-secret',
    mode: 'arc',
    expect: errors('ServerError', 'unauthorized_client'),
    tokenRequests: { identity: 2, msal: 2 },
  },
];

/** Display names for appids in the table. */
export const IDENTITY_LABELS: Record<string, string> = {
  [SYSTEM_IDENTITY.clientId]: 'system',
  [ARC_SYSTEM_IDENTITY.clientId]: 'arc system',
  [USER_IDENTITY_1.clientId]: 'user 1',
  [USER_IDENTITY_2.clientId]: 'user 2',
};

/** The selector in each client's own option names. */
export function clientSelector(client: ClientName, selector: Selector | undefined): Record<string, string> {
  if (!selector) return {};
  const names: Record<ClientName, Record<SelectorKind, string>> = {
    identity: { clientId: 'clientId', objectId: 'objectId', resourceId: 'resourceId' },
    msal: {
      clientId: 'userAssignedClientId',
      objectId: 'userAssignedObjectId',
      resourceId: 'userAssignedResourceId',
    },
    python: { clientId: 'client_id', objectId: 'object_id', resourceId: 'resource_id' },
  };
  return { [names[client][selector.by]]: selector.value };
}
