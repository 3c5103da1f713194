// Reads allow-listed claims from a JWT payload without verifying it: information for the user, never trust.
export interface TokenClaims {
  aud: string;
  iss: string;
  tid: string;
  oid: string;
  appid: string;
  xmsMirid: string;
  exp: number | null;
  nbf: number | null;
  iat: number | null;
}

const EMPTY: TokenClaims = {
  aud: '',
  iss: '',
  tid: '',
  oid: '',
  appid: '',
  xmsMirid: '',
  exp: null,
  nbf: null,
  iat: null,
};

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

export function readClaims(token: string): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return EMPTY;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return EMPTY;
  }
  if (payload === null || typeof payload !== 'object') return EMPTY;
  const p = payload as Record<string, unknown>;
  return {
    aud: text(p['aud']),
    iss: text(p['iss']),
    tid: text(p['tid']),
    oid: text(p['oid']),
    appid: text(p['appid']) || text(p['azp']),
    xmsMirid: text(p['xms_mirid']),
    exp: num(p['exp']),
    nbf: num(p['nbf']),
    iat: num(p['iat']),
  };
}
