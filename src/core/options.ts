// Turns raw input strings (from action inputs, task inputs or CLI flags) into validated ProbeOptions.
// Every error names the input the way the calling front door spells it and lists what is accepted; a value
// is shown escaped and without any user-info, so a message stays one line and never carries a password.

import { INPUT_DEFAULTS, INPUT_NAMES, type InputName } from './contract.js';
import { hasUserInfo, validateBaseUrl, withoutUserInfo } from './endpoint.js';
import { isGuid, isHostName } from './shapes.js';
import type {
  AmaProxy,
  FailOn,
  IdentityKind,
  IdentitySelector,
  InputSpelling,
  PrivateLink,
  ProbeOptions,
  RequestedMode,
} from './types.js';

export type RawInputs = Partial<Record<InputName, string | undefined>>;

export interface InputError {
  code: 'invalid_input';
  input: InputName;
  /** One line, naming the input and the accepted values. */
  message: string;
}

export type ParseResult = { ok: true; options: ProbeOptions } | { ok: false; error: InputError };

const UAMI_RESOURCE_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resource[gG]roups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SELECTOR_INPUTS = [
  ['client-id', 'client_id'],
  ['object-id', 'object_id'],
  ['msi-res-id', 'msi_res_id'],
] as const;
const AMA_ONLY: readonly InputName[] = ['workspace-ids', 'dce-endpoints', 'ama-proxy', 'ama-trusted-roots'];

/** A value as shown in a message: without user-info, quoted, control characters escaped, on one line. */
function shown(value: string): string {
  const safe = withoutUserInfo(value);
  const clipped = safe.length > 80 ? `${safe.slice(0, 80)}…` : safe;
  // JSON.stringify leaves U+0085, U+2028 and U+2029 raw; some log viewers break lines on them.
  return JSON.stringify(clipped).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

class InvalidInput extends Error {
  constructor(
    readonly input: InputName,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function oneOf<T extends string>(input: InputName, value: string, allowed: readonly T[]): T {
  const lower = value.toLowerCase();
  const hit = allowed.find((a) => a === lower);
  if (hit === undefined)
    throw new InvalidInput(input, `got ${shown(value)}; accepted values: ${allowed.join(', ')}`);
  return hit;
}

/** Strict booleans, so GitHub and Azure DevOps accept and reject the same values. */
function strictBoolean(input: InputName, value: string): boolean {
  return oneOf(input, value, ['true', 'false']) === 'true';
}

function wholeNumber(input: InputName, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max))
    throw new InvalidInput(input, `got ${shown(value)}; expected a whole number from ${min} to ${max}`);
  return n;
}

function percent(input: InputName, value: string): number {
  const n = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 100))
    throw new InvalidInput(input, `got ${shown(value)}; expected a number from 0 to 100`);
  return n;
}

function endpoint(value: string): string {
  if (value === '') return '';
  if (hasUserInfo(value)) {
    throw new InvalidInput(
      'endpoint',
      `got ${shown(value)}; user-info is not accepted: IMDS needs no credentials and the value would be logged`,
    );
  }
  const base = validateBaseUrl(value);
  if (base === null) {
    throw new InvalidInput(
      'endpoint',
      `got ${shown(value)}; expected a base URL like http://127.0.0.1:8080 (http only, no path)`,
    );
  }
  return base;
}

function resource(value: string): string {
  if (value === '') return '';
  if (!/\s/.test(value) && (/^(https?|api):\/\/\S+$/i.test(value) || isGuid(value))) return value;
  throw new InvalidInput(
    'resource',
    `got ${shown(value)}; expected an App ID URI (https://...) or an application id (GUID)`,
  );
}

/** Comma, newline or space separated; empty entries dropped; duplicates kept once. */
function list(value: string): string[] {
  return [...new Set(value.split(/[\s,]+/).filter((v) => v !== ''))];
}

function workspaceIds(value: string): string[] {
  const ids = [...new Set(list(value).map((v) => v.toLowerCase()))];
  const bad = ids.find((id) => !isGuid(id));
  if (bad !== undefined)
    throw new InvalidInput(
      'workspace-ids',
      `got ${shown(bad)}; expected Log Analytics workspace ids (GUIDs)`,
    );
  return ids;
}

/** DCE host names as the resource shows them; an https:// URL of the DCE is accepted and reduced to its host. */
function dceEndpoints(value: string): string[] {
  const hosts = list(value).map((entry) => {
    const host = /^https:\/\/([^/?#]+)\/?$/i.exec(entry)?.[1] ?? entry;
    if (!isHostName(host))
      throw new InvalidInput(
        'dce-endpoints',
        `got ${shown(entry)}; expected DCE host names (a.b.monitor.azure.com)`,
      );
    return host.toLowerCase();
  });
  return [...new Set(hosts)];
}

function amaProxy(value: string): AmaProxy {
  if (value === '') return { kind: 'environment' };
  if (value.toLowerCase() === 'none') return { kind: 'none' };
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (
    !url ||
    url.protocol !== 'http:' ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash
  ) {
    throw new InvalidInput(
      'ama-proxy',
      `got ${shown(value)}; expected empty (HTTPS_PROXY of the environment), none, or http://[user:password@]host:port`,
    );
  }
  return {
    kind: 'url',
    url: `http://${url.host}`,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

function selector(
  raw: Record<InputName, string>,
  identity: IdentityKind,
  spell: (n: InputName) => string,
): IdentitySelector | null {
  const given = SELECTOR_INPUTS.filter(([input]) => raw[input] !== '');
  const names = SELECTOR_INPUTS.map(([n]) => spell(n));
  const oneOfNames = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  if (identity !== 'user') {
    const first = given[0];
    if (first)
      throw new InvalidInput(first[0], `is only used with identity 'user' (identity is '${identity}')`);
    return null;
  }
  if (given.length === 0) {
    throw new InvalidInput('identity', `'user' needs exactly one of ${oneOfNames}`);
  }
  if (given.length > 1) {
    throw new InvalidInput(
      given[1]![0],
      `give exactly one of ${oneOfNames}, not ${given.map(([n]) => spell(n)).join(' and ')}`,
    );
  }
  const [input, kind] = given[0]!;
  const value = raw[input];
  if (kind === 'msi_res_id' && !UAMI_RESOURCE_ID.test(value)) {
    throw new InvalidInput(
      input,
      `got ${shown(value)}; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`,
    );
  }
  if (kind !== 'msi_res_id' && !isGuid(value)) {
    throw new InvalidInput(
      input,
      `got ${shown(value)}; expected a GUID like 00000000-0000-0000-0000-000000000000 (not the identity's name)`,
    );
  }
  return { kind, value };
}

/** Inputs of the AMA readiness check make sense only with it switched on: a silent no-op would mislead. */
function requireAma(raw: Record<InputName, string>, ama: boolean, spell: (n: InputName) => string): void {
  if (ama) return;
  const given = AMA_ONLY.find((name) => raw[name] !== INPUT_DEFAULTS[name]);
  if (given) throw new InvalidInput(given, `is only used with ${spell('ama')} true`);
}

/**
 * Parses raw inputs. Missing or empty inputs take the contract defaults; every value is trimmed.
 * `spelling` names inputs in messages the way the calling front door writes them.
 */
export function parseOptions(rawInputs: RawInputs, spelling: InputSpelling): ParseResult {
  const spell = (name: InputName): string => spelling.name(name);
  const raw = {} as Record<InputName, string>;
  for (const name of INPUT_NAMES) {
    const value = (rawInputs[name] ?? '').trim();
    raw[name] = value === '' ? INPUT_DEFAULTS[name] : value;
  }
  try {
    const identity = oneOf<IdentityKind>('identity', raw.identity, ['system', 'user', 'none']);
    const ama = strictBoolean('ama', raw.ama);
    requireAma(raw, ama, spell);
    const options: ProbeOptions = {
      mode: oneOf<RequestedMode>('mode', raw.mode, ['auto', 'vm', 'arc']),
      identity,
      selector: selector(raw, identity, spell),
      resource: resource(raw.resource),
      endpoint: endpoint(raw.endpoint),
      timeoutSeconds: wholeNumber('timeout-seconds', raw['timeout-seconds'], 1, 600),
      failOn: oneOf<FailOn>('fail-on', raw['fail-on'], ['error', 'unreachable', 'never']),
      exposeToken: strictBoolean('expose-token', raw['expose-token']),
      reportPath: raw['report-path'],
      junitPath: raw['junit-path'],
      samples: wholeNumber('samples', raw.samples, 1, 1000),
      minSuccessPercent: percent('min-success-percent', raw['min-success-percent']),
      ama,
      workspaceIds: workspaceIds(raw['workspace-ids']),
      dceEndpoints: dceEndpoints(raw['dce-endpoints']),
      amaProxy: amaProxy(raw['ama-proxy']),
      privateLink: oneOf<PrivateLink>('private-link', raw['private-link'], ['auto', 'true', 'false']),
      amaTrustedRoots: raw['ama-trusted-roots'],
    };
    return { ok: true, options };
  } catch (err) {
    if (!(err instanceof InvalidInput)) throw err;
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        input: err.input,
        message: `Invalid input '${spell(err.input)}': ${err.detail}`,
      },
    };
  }
}
