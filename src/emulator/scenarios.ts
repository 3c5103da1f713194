// Named scenarios as data. The server reads these flags; no scenario has code of its own.
// Names are a contract with the tests and the e2e suite: never rename one.

import type { EmulatorMode, ScenarioInfo } from './types.js';
import { ARC_OLD_API_VERSIONS, VM_NEWEST_VERSIONS } from './versions.js';

/** Something answers before any IMDS logic runs: models interceptors, proxies and broken sockets. */
// prettier-ignore
export type TransportFault =
  | 'silent' | 'trickle' | 'reset' | 'html' | 'huge-body' | 'malformed-json'
  | 'proxy-502' | 'proxy-fail-to-connect' | 'wrong-shape';

/** How the Arc challenge points at its key file. 'normal' is the only honest one. */
// prettier-ignore
export type ArcKeyVariant =
  | 'normal' | 'outside' | 'not-key' | 'oversized' | 'symlink' | 'dotdot' | 'fifo' | 'dir' | 'quoted' | 'two';

export type RouteFamily = 'metadata' | 'token';

/** An IMDS-generated error status for `times` valid requests of a route family, after the first `after`. */
export interface StatusFault {
  route: RouteFamily;
  status: number;
  times: number;
  /** Valid requests answered normally before the fault starts (a burst later in the run). Default 0. */
  after?: number;
  /** Instead of counting: every valid request within this many ms of the family's first one (an IMDS update). */
  forMs?: number;
  retryAfter?: string;
}

/** A fault that recurs: every k-th valid request, or each one with a probability from the seeded PRNG. */
export type IntermittentFault = { route: RouteFamily; status: number } & (
  { every: number } | { rate: number }
);

export type IdentitySet = 'none' | 'users-only' | 'one-user' | 'with-users';

export interface ScenarioSpec extends ScenarioInfo {
  transport?: TransportFault;
  delayMs?: number;
  noServerHeader?: boolean;
  statusFaults?: StatusFault[];
  intermittent?: IntermittentFault[];
  /** Each answer waits a uniform random [min, max] ms from the seeded PRNG. */
  jitterMs?: readonly [number, number];
  identitySet?: IdentitySet;
  /** VM metadata: the machine was created from a custom (gallery) image, not a marketplace one. */
  image?: 'custom';
  /**
   * Arc: 'legacy' agents ignore user-assigned selectors and answer with the system identity; 'precheck'
   * agents refuse a selector that names no user-assigned identity on the first request, before challenging.
   */
  arcSelectors?: 'supported' | 'legacy' | 'precheck';
  invalidResource?: boolean;
  expiredToken?: boolean;
  metadataVersions?: readonly string[];
  /** Arc: versions accepted on every route. */
  arcVersions?: readonly string[];
  arcKey?: ArcKeyVariant;
  rejectSecret?: boolean;
  down?: boolean;
}

const forever = Number.POSITIVE_INFINITY;

// One scenario per line, so the list reads as a table.
// prettier-ignore
export const SCENARIOS: readonly ScenarioSpec[] = [
  { name: 'healthy', mode: 'both', description: 'Everything works: metadata and tokens (VM: system + two user-assigned identities).' },
  { name: 'no-identity', mode: 'both', description: 'No managed identity: token requests get 400 "Identity not found".', identitySet: 'none' },
  { name: 'multiple-user-identities', mode: 'vm', description: 'Two user-assigned identities and no system identity: a token request without a selector gets 400.', identitySet: 'users-only' },
  { name: 'invalid-resource', mode: 'both', description: 'Every token request gets 400 invalid_resource (AADSTS500011).', invalidResource: true },
  { name: 'metadata-404', mode: 'both', description: 'The instance document answers 404; tokens work.', statusFaults: [{ route: 'metadata', status: 404, times: forever }] },
  { name: 'throttled-then-ok', mode: 'both', description: 'Token endpoint answers 429 with Retry-After: 1 twice, then 200.', statusFaults: [{ route: 'token', status: 429, times: 2, retryAfter: '1' }] },
  { name: 'gone-then-ok', mode: 'both', description: 'Instance metadata answers 410 twice, then 200.', statusFaults: [{ route: 'metadata', status: 410, times: 2 }] },
  { name: 'updating-40s', mode: 'both', description: 'An IMDS update: instance metadata answers 410 for 40 s after the first request, then 200 (the default timeout-seconds rides it out).', statusFaults: [{ route: 'metadata', status: 410, times: forever, forMs: 40_000 }] },
  { name: 'updating-404-then-ok', mode: 'both', description: 'Token endpoint answers 404 (IMDS updating) twice, then 200.', statusFaults: [{ route: 'token', status: 404, times: 2 }] },
  { name: 'server-error', mode: 'both', description: 'Metadata and token endpoints answer 500 forever.', statusFaults: [{ route: 'metadata', status: 500, times: forever }, { route: 'token', status: 500, times: forever }] },
  { name: 'server-error-then-ok', mode: 'both', description: 'Metadata and token endpoints answer 500 once each, then 200.', statusFaults: [{ route: 'metadata', status: 500, times: 1 }, { route: 'token', status: 500, times: 1 }] },
  { name: 'slow', mode: 'both', description: 'Every answer comes after 1.5 s.', delayMs: 1500 },
  { name: 'silent', mode: 'both', description: 'Accepts connections and never answers.', transport: 'silent' },
  { name: 'trickle', mode: 'both', description: 'Sends 200 headers, then one body byte every 500 ms, forever.', transport: 'trickle' },
  { name: 'malformed-json', mode: 'both', description: '200 with a truncated JSON body.', transport: 'malformed-json' },
  { name: 'html', mode: 'both', description: '200 with an HTML page and no IMDS Server header.', transport: 'html' },
  { name: 'huge-body', mode: 'both', description: '200 with a 5 MB JSON body.', transport: 'huge-body' },
  { name: 'proxy-502', mode: 'both', description: 'A proxy answers 502 "cannotconnect" (plain text, no IMDS Server header).', transport: 'proxy-502' },
  { name: 'proxy-fail-to-connect', mode: 'both', description: 'A proxy answers 400 "Fail to directly connect with 169.254.169.254".', transport: 'proxy-fail-to-connect' },
  { name: 'wrong-shape', mode: 'both', description: '200 JSON {"hello":"world"} from something that is not IMDS.', transport: 'wrong-shape' },
  { name: 'no-server-header', mode: 'vm', description: 'Healthy, but without the Server: IMDS/... header.', noServerHeader: true },
  { name: 'reset', mode: 'both', description: 'Reads the request, then resets the connection.', transport: 'reset' },
  { name: 'old-api-version', mode: 'vm', description: 'Metadata rejects 2021-02-01 (400 with newest-versions) and accepts only the versions it lists.', metadataVersions: VM_NEWEST_VERSIONS },
  { name: 'token-expired', mode: 'both', description: 'Tokens come back already expired (expires_on in the past).', expiredToken: true },
  { name: 'arc-healthy', mode: 'arc', description: 'HIMDS works: 401 challenge with a .key file in the tokens dir, then a token.' },
  { name: 'arc-realm-outside', mode: 'arc', description: 'Challenge realm points to a bait file outside the tokens dir.', arcKey: 'outside' },
  { name: 'arc-not-key', mode: 'arc', description: 'Challenge realm is a .txt file inside the tokens dir.', arcKey: 'not-key' },
  { name: 'arc-oversized-key', mode: 'arc', description: 'Challenge realm is a 5000-byte .key file.', arcKey: 'oversized' },
  { name: 'arc-symlink-escape', mode: 'arc', description: 'Challenge realm is a .key symlink pointing to a bait file outside the tokens dir.', arcKey: 'symlink' },
  { name: 'arc-dotdot', mode: 'arc', description: 'Challenge realm is <tokensDir>/../bait.key.', arcKey: 'dotdot' },
  { name: 'arc-fifo', mode: 'arc', description: 'Challenge realm is a FIFO named *.key (reading it would block forever).', arcKey: 'fifo' },
  { name: 'arc-dir-key', mode: 'arc', description: 'Challenge realm is a directory named *.key.', arcKey: 'dir' },
  { name: 'arc-quoted-realm', mode: 'arc', description: 'Challenge header is Basic realm="<path>", charset="UTF-8".', arcKey: 'quoted' },
  { name: 'arc-two-challenges', mode: 'arc', description: 'Two WWW-Authenticate headers, each naming its own key file.', arcKey: 'two' },
  { name: 'arc-reject-secret', mode: 'arc', description: 'Answers 401 again after the correct secret was sent.', rejectSecret: true },
  { name: 'arc-old-api-version', mode: 'arc', description: 'Old agent: rejects 2020-06-01, "Supported are 2019-11-01 2019-08-15".', arcVersions: ARC_OLD_API_VERSIONS },
  { name: 'arc-user-supported', mode: 'arc', description: 'Agent supports user-assigned identities and echoes client_id / object_id / msi_res_id.', identitySet: 'with-users', arcSelectors: 'supported' },
  { name: 'arc-legacy-user', mode: 'arc', description: 'Legacy agent: ignores identity selectors and returns the system identity.', identitySet: 'with-users', arcSelectors: 'legacy' },
  { name: 'arc-down', mode: 'arc', description: 'HIMDS is not running: the url points to a closed loopback port.', down: true },
  { name: 'token-gone-then-ok', mode: 'both', description: 'Token endpoint answers 410 (IMDS updating) once, then 200.', statusFaults: [{ route: 'token', status: 410, times: 1 }] },
  { name: 'throttled-no-retry-after', mode: 'both', description: 'Token endpoint answers 429 without Retry-After twice, then 200.', statusFaults: [{ route: 'token', status: 429, times: 2 }] },
  { name: 'arc-selector-rejected', mode: 'arc', description: 'Agent checks the identity selector first: an id naming no user-assigned identity gets 400 before any challenge.', identitySet: 'with-users', arcSelectors: 'precheck' },
  { name: 'burst-429', mode: 'both', description: 'Per route family: 4 requests answer 200, the next 6 get 429 without Retry-After, then 200 again.', statusFaults: [{ route: 'metadata', status: 429, after: 4, times: 6 }, { route: 'token', status: 429, after: 4, times: 6 }] },
  { name: 'intermittent-500', mode: 'both', description: 'Every 5th request of each route family answers 500 (a 20 % failure rate, deterministic).', intermittent: [{ route: 'metadata', status: 500, every: 5 }, { route: 'token', status: 500, every: 5 }] },
  { name: 'flaky-500', mode: 'both', description: 'Each request answers 500 with probability 0.2, drawn from the seeded PRNG (option seed, default 1).', intermittent: [{ route: 'metadata', status: 500, rate: 0.2 }, { route: 'token', status: 500, rate: 0.2 }] },
  { name: 'latency-jitter', mode: 'both', description: 'Every answer waits a random 0-800 ms, drawn from the seeded PRNG (option seed, default 1).', jitterMs: [0, 800] },
  { name: 'custom-image', mode: 'vm', description: 'Healthy, but the VM was created from a gallery image: storageProfile.imageReference has only an id, no publisher, offer or SKU.', image: 'custom' },
  { name: 'single-user-identity', mode: 'vm', description: 'One user-assigned identity and no system identity: a token request without a selector gets that identity.', identitySet: 'one-user' },
];

export function findScenario(name: string): ScenarioSpec | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

export function listScenarios(mode?: EmulatorMode): ScenarioInfo[] {
  return SCENARIOS.filter((s) => !mode || s.mode === mode || s.mode === 'both').map(
    ({ name, mode: m, description }) => ({
      name,
      mode: m,
      description,
    }),
  );
}
