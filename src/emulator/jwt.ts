// Mints JWT-shaped access tokens: real-looking header and claims, random signature. Nothing can verify them,
// and each one is unique so leak scans can search for it.

import { randomBytes } from 'node:crypto';
import type { EmulatorIdentity } from './types.js';
import { TENANT_ID } from './identities.js';

export const TOKEN_LIFETIME_SECONDS = 86399;

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');
const json64 = (value: unknown): string => b64url(JSON.stringify(value));

export interface TokenTimes {
  iat: number;
  nbf: number;
  exp: number;
}

export function tokenTimes(nowSeconds: number, expired: boolean): TokenTimes {
  // An expired token was issued more than a day ago and ran out an hour ago.
  const iat = expired ? nowSeconds - TOKEN_LIFETIME_SECONDS - 3600 : nowSeconds;
  return { iat, nbf: iat, exp: iat + TOKEN_LIFETIME_SECONDS };
}

export function mintAccessToken(
  identity: EmulatorIdentity,
  audience: string,
  mirid: string,
  times: TokenTimes,
  claims: Readonly<Record<string, string>> = {},
): string {
  const keyId = b64url(randomBytes(20));
  const header = { typ: 'JWT', alg: 'RS256', x5t: keyId, kid: keyId };
  const issuer = `https://sts.windows.net/${TENANT_ID}/`;
  const payload = {
    aud: audience,
    iss: issuer,
    iat: times.iat,
    nbf: times.nbf,
    exp: times.exp,
    aio: b64url(randomBytes(48)),
    appid: identity.clientId,
    appidacr: '2',
    azp: identity.clientId,
    idp: issuer,
    idtyp: 'app',
    oid: identity.objectId,
    rh: `0.${b64url(randomBytes(36))}.`,
    sub: identity.objectId,
    tid: TENANT_ID,
    uti: b64url(randomBytes(16)),
    ver: '1.0',
    xms_mirid: mirid,
    ...claims,
  };
  return `${json64(header)}.${json64(payload)}.${b64url(randomBytes(256))}`;
}
