// Turns raw input strings (from action inputs, task inputs or CLI flags) into validated ProbeOptions.
// Every error names the input in the caller's spelling and lists what is accepted.

import { INPUT_DEFAULTS, INPUT_NAMES, styleName, type InputName, type NameStyle } from './contract.js';
import type { FailOn, IdentityKind, IdentitySelector, ProbeOptions, RequestedMode } from './types.js';

export type RawInputs = Partial<Record<InputName, string | undefined>>;

export interface InputError {
  code: 'invalid_input';
  input: InputName;
  /** One line, naming the input and the accepted values. */
  message: string;
}

export type ParseResult = { ok: true; options: ProbeOptions } | { ok: false; error: InputError };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UAMI_RESOURCE_ID =
  /^\/subscriptions\/[0-9a-f-]{36}\/resource[gG]roups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SELECTOR_INPUTS = [
  ['client-id', 'client_id'],
  ['object-id', 'object_id'],
  ['msi-res-id', 'msi_res_id'],
] as const;

/** A value as shown in a message: quoted, control characters escaped, so the message stays one line. */
function shown(value: string): string {
  const clipped = value.length > 80 ? `${value.slice(0, 80)}…` : value;
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
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new InvalidInput(input, `got ${shown(value)}; accepted values: true, false`);
}

function timeoutSeconds(value: string): number {
  if (!/^\d+$/.test(value))
    throw new InvalidInput('timeout-seconds', `got ${shown(value)}; expected a whole number from 1 to 600`);
  const n = Number(value);
  if (n < 1 || n > 600)
    throw new InvalidInput('timeout-seconds', `got ${n}; expected a whole number from 1 to 600`);
  return n;
}

/** http://host[:port] with nothing after the authority but an optional '/'. */
export function validateBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/' && url.pathname !== '') return null;
  return `${url.protocol}//${url.host}`;
}

function endpoint(value: string): string {
  if (value === '') return '';
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
  if (/\s/.test(value))
    throw new InvalidInput(
      'resource',
      `got ${shown(value)}; expected an App ID URI such as https://management.azure.com/`,
    );
  if (/^https?:\/\/\S+$/i.test(value) || GUID.test(value) || /^api:\/\/\S+$/i.test(value)) return value;
  throw new InvalidInput(
    'resource',
    `got ${shown(value)}; expected an App ID URI (https://...) or an application id (GUID)`,
  );
}

function selector(raw: Record<InputName, string>, identity: IdentityKind): IdentitySelector | null {
  const given = SELECTOR_INPUTS.filter(([input]) => raw[input] !== '');
  if (identity !== 'user') {
    const first = given[0];
    if (first)
      throw new InvalidInput(first[0], `is only used with identity 'user' (identity is '${identity}')`);
    return null;
  }
  if (given.length === 0) {
    throw new InvalidInput('identity', `'user' needs exactly one of client-id, object-id or msi-res-id`);
  }
  if (given.length > 1) {
    throw new InvalidInput(
      given[1]![0],
      `give exactly one of client-id, object-id or msi-res-id, not ${given.map(([n]) => n).join(' and ')}`,
    );
  }
  const [input, kind] = given[0]!;
  const value = raw[input];
  if (kind === 'msi_res_id') {
    if (!UAMI_RESOURCE_ID.test(value)) {
      throw new InvalidInput(
        input,
        `got ${shown(value)}; expected /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`,
      );
    }
  } else if (!GUID.test(value)) {
    throw new InvalidInput(
      input,
      `got ${shown(value)}; expected a GUID like 00000000-0000-0000-0000-000000000000 (not the identity's name)`,
    );
  }
  return { kind, value };
}

/**
 * Parses raw inputs. Missing or empty inputs take the contract defaults; every value is trimmed.
 * `style` decides how inputs are named in messages ('camel' for Azure DevOps).
 */
export function parseOptions(rawInputs: RawInputs, style: NameStyle = 'kebab'): ParseResult {
  const raw = {} as Record<InputName, string>;
  for (const name of INPUT_NAMES) {
    const value = (rawInputs[name] ?? '').trim();
    raw[name] = value === '' ? INPUT_DEFAULTS[name] : value;
  }
  try {
    const identity = oneOf<IdentityKind>('identity', raw.identity, ['system', 'user', 'none']);
    const options: ProbeOptions = {
      mode: oneOf<RequestedMode>('mode', raw.mode, ['auto', 'vm', 'arc']),
      identity,
      selector: selector(raw, identity),
      resource: resource(raw.resource),
      endpoint: endpoint(raw.endpoint),
      timeoutSeconds: timeoutSeconds(raw['timeout-seconds']),
      failOn: oneOf<FailOn>('fail-on', raw['fail-on'], ['error', 'unreachable', 'never']),
      exposeToken: strictBoolean('expose-token', raw['expose-token']),
      reportPath: raw['report-path'],
      junitPath: raw['junit-path'],
    };
    return { ok: true, options };
  } catch (err) {
    if (!(err instanceof InvalidInput)) throw err;
    const detail = err.detail.replace(/\b(client-id|object-id|msi-res-id)\b/g, (n) => styleName(n, style));
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        input: err.input,
        message: `Invalid input '${styleName(err.input, style)}': ${detail}`,
      },
    };
  }
}
