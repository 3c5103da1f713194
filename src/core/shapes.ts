// The documented shape of every output fed by a network value. A later pipeline step pastes outputs into
// scripts (ADO `$(probe.vmName)` is plain text substitution), so a value that does not fit its field's shape
// never becomes an output: the output is empty and the check warns, naming the field.
import { KNOWN_CLOUDS } from './clouds.js';
import { neutraliseLine } from './neutralise.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A resource name segment: letters (any script), digits, `_ . - ( )`, as ARM allows in names. */
const SEGMENT = String.raw`[\p{L}\p{N}_.()\-]+`;
const ASCII_SEGMENT = String.raw`[A-Za-z0-9_.()\-]+`;
const resourceId = (segment: string, flags: string): RegExp =>
  new RegExp(
    String.raw`^/subscriptions/[0-9a-fA-F-]{36}/resource[Gg]roups/${segment}/providers/[A-Za-z0-9.]+(?:/${segment}/${segment})+$`,
    flags,
  );
// Most ids are ASCII; the Unicode form costs a millisecond to compile at start-up, so it is only the fallback.
const ASCII_RESOURCE_ID = resourceId(ASCII_SEGMENT, '');
let unicodeResourceId: RegExp | null = null;
/** VM and Arc machine names (Linux allows 64, VMSS instances add `_<n>`): no space, quote or shell character. */
const MACHINE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$/;
/** Resource groups: up to 90 of letters, digits, `_ . - ( )`, not ending in a period. */
const ASCII_RESOURCE_GROUP = /^[A-Za-z0-9_.()-]{1,90}$/;
let unicodeResourceGroup: RegExp | null = null;
const LOCATION = /^[A-Za-z0-9]{1,40}$/;
const CLOUDS = new Set(KNOWN_CLOUDS.map((c) => c.toLowerCase()));
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An RFC 1123 host name with at least two labels. */
const HOST_NAME =
  /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export type Shape = (value: string) => boolean;

export const isGuid: Shape = (v) => GUID.test(v);
export const isResourceId: Shape = (v) =>
  v.length <= 1024 && (ASCII_RESOURCE_ID.test(v) || (unicodeResourceId ??= resourceId(SEGMENT, 'u')).test(v));
export const isMachineName: Shape = (v) => MACHINE_NAME.test(v) && !/[.-]$/.test(v);
export const isResourceGroup: Shape = (v) =>
  !v.endsWith('.') &&
  (ASCII_RESOURCE_GROUP.test(v) || (unicodeResourceGroup ??= /^[\p{L}\p{N}_.()-]{1,90}$/u).test(v));
export const isLocation: Shape = (v) => LOCATION.test(v);
export const isKnownCloud: Shape = (v) => CLOUDS.has(v.toLowerCase());
export const isIsoUtc: Shape = (v) => ISO_UTC.test(v) && !Number.isNaN(Date.parse(v));
export const isHostName: Shape = (v) => HOST_NAME.test(v);
export const isHostList: Shape = (v) => v.split(',').every(isHostName);
export const isWholeNumber: Shape = (v) => /^\d{1,12}$/.test(v);

/** Three base64url segments whose middle one decodes to a JSON object: the only token we accept. */
export const isJwt: Shape = (v) => {
  const parts = v.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) return false;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload);
  } catch {
    return false;
  }
};

/**
 * Masking a short or spaced value would blank ordinary words across the whole job log, and registering a value
 * prints it in a mask command: only printable ASCII of 16 or more characters that the neutraliser would leave
 * as it is (no `##vso[`, `##[` or leading `::`) is ever registered.
 */
export const isPlausibleSecret: Shape = (v) => /^[\x21-\x7e]{16,}$/.test(v) && neutraliseLine(v) === v;
