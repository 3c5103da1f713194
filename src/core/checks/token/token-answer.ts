// Reading a token answer: the facts the report may show (allow-listed
// claims and the expiry), and mapping IMDS's documented 400 bodies to their own codes.
import type { HttpAnswer } from '../../imds/http.js';
import { readClaims } from '../../imds/jwt.js';
import type { IdentityFacts, IdentitySelector, ProbeOptions } from '../../types.js';
import { errorText, text } from '../../imds/answers.js';
import type { TokenCode } from './token-codes.js';

/** '' when the value is not a date JavaScript can represent (a hostile expires_on like 1e20 must not throw). */
export function isoSeconds(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  if (!Number.isFinite(epochSeconds) || Number.isNaN(date.getTime())) return '';
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** expires_on as epoch seconds: a number, a numeric string, or a date string; else from exp or expires_in. */
export function expiresOnSeconds(
  json: Record<string, unknown>,
  exp: number | null,
  nowMs: number,
): number | null {
  const raw = json['expires_on'];
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw.trim());
  if (typeof raw === 'string' && raw.trim() !== '') {
    const parsed = Date.parse(raw);
    if (!Number.isNaN(parsed)) return Math.floor(parsed / 1000);
  }
  if (exp !== null) return exp;
  const inSeconds = Number(text(json['expires_in']));
  return Number.isFinite(inSeconds) && text(json['expires_in']) !== ''
    ? Math.floor(nowMs / 1000) + inSeconds
    : null;
}

export function selectorText(selector: IdentitySelector | null): string {
  return selector ? `${selector.kind}=${selector.value}` : '';
}

export function identityFacts(
  options: Pick<ProbeOptions, 'identity' | 'selector'>,
  token: string,
  json: Record<string, unknown>,
  nowMs: number,
): IdentityFacts {
  const claims = readClaims(token);
  const expires = expiresOnSeconds(json, claims.exp, nowMs);
  return {
    kind: options.identity,
    selector: selectorText(options.selector),
    principalId: claims.oid || text(json['object_id']),
    tenantId: claims.tid,
    appId: claims.appid || text(json['client_id']),
    audience: claims.aud || text(json['resource']),
    expiresOn: expires === null ? '' : isoSeconds(expires),
    tokenType: text(json['token_type']),
  };
}

export function tokenStatusCode(answer: HttpAnswer): TokenCode {
  const s = answer.status;
  const detail = errorText(answer);
  if (s === 400) {
    if (/identity not found/i.test(detail)) return 'token_identity_not_found';
    if (/multiple user assigned identities/i.test(detail)) return 'token_multiple_identities';
    if (/invalid_resource|AADSTS500011|AADSTS50001\b/i.test(detail)) return 'token_invalid_resource';
    if (/metadata header/i.test(detail)) return 'token_header_rejected';
    return 'token_bad_request';
  }
  if (s === 403) return 'token_forbidden';
  if (s === 404) return 'token_not_found';
  if (s === 410) return 'token_gone';
  if (s === 429) return 'token_throttled';
  if (s >= 500) return 'token_server_error';
  return 'token_unexpected_status';
}
