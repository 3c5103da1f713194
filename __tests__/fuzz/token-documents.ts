// Token answers for the fuzzer: a valid JWT answer with harmless noise, or a mutation that makes it invalid (or,
// for a claim without its shape, a warning) by construction.
import {
  b64u,
  commonInvalid,
  json,
  JSON_TYPE,
  noise,
  NOT_A_DATE,
  WRONG_TYPES,
  type Doc,
} from './documents.js';
import { hostileText, SHAPED_CLAIMS } from './hostile.js';
import type { Prng } from './prng.js';

export function tokenDocument(rnd: Prng, nowSeconds: number): Doc {
  const exp = nowSeconds + 3600 + rnd.int(80_000);
  const header = b64u({ typ: 'JWT', alg: 'RS256' });
  const claims = {
    aud: 'https://management.azure.com/',
    oid: rnd.uuid(),
    tid: rnd.uuid(),
    appid: rnd.uuid(),
  };
  const jwtOf = (payload: Record<string, unknown>): string => `${header}.${b64u(payload)}.${rnd.hex(64)}`;
  const jwt = jwtOf({ ...claims, exp });
  /** No exp claim: the expiry can only come from expires_on / expires_in. */
  const jwtNoExp = jwtOf(claims);
  const base = {
    client_id: rnd.uuid(),
    expires_in: '3599',
    ext_expires_in: '3599',
    not_before: String(nowSeconds),
    resource: 'https://management.azure.com/',
    token_type: 'Bearer',
  };
  const doc = (body: Buffer, valid: boolean, warns: boolean, kind: string, unknown = false): Doc => ({
    status: 200,
    contentType: JSON_TYPE,
    body,
    valid,
    warns,
    unknown,
    kind,
  });
  const roll = rnd.next();
  if (roll < 0.38) {
    // Valid: a JWT; expires_on as the numeric string IMDS sends, or as a number.
    const expires = rnd.chance(0.5) ? String(exp) : exp;
    const answer = { ...base, access_token: jwt, expires_on: expires };
    const n = noise(rnd, answer);
    return doc(n.body ?? json(answer), true, false, `token-valid-${n.kind}`);
  }
  if (roll < 0.48) {
    // A JWT whose oid/tid/appid is not a GUID: the token is issued (warn token_claim_rejected), never a pass.
    const hostile: Record<string, unknown> = { ...claims, exp };
    for (const claim of rnd.chance(0.3) ? SHAPED_CLAIMS : [rnd.pick(SHAPED_CLAIMS)])
      hostile[claim] = hostileText(rnd);
    return doc(
      json({ ...base, access_token: jwtOf(hostile), expires_on: String(exp) }),
      false,
      true,
      'token-hostile-claim',
    );
  }
  if (roll < 0.55) {
    // Not a JWT (issue 9): opaque, one letter, several lines, hostile text; must fail token_not_jwt.
    const notJwt = rnd.pick([
      `opaque-${rnd.hex(40)}`,
      'e',
      `${jwt}\nPASS`,
      `${header}.${b64u(claims)}`,
      `${header}.${Buffer.from('not json').toString('base64url')}.${rnd.hex(8)}`,
      hostileText(rnd),
    ]);
    return doc(
      json({ ...base, access_token: notJwt, expires_on: String(exp) }),
      false,
      false,
      'token-not-jwt',
    );
  }
  if (roll < 0.63) {
    const invalid = commonInvalid(rnd, { ...base, access_token: jwt, expires_on: String(exp) });
    return { ...invalid, kind: `token-${invalid.kind}` };
  }
  if (roll < 0.78) {
    // access_token unusable: wrong type, empty or missing.
    const answer: Record<string, unknown> = { ...base, expires_on: String(exp) };
    if (rnd.chance(0.8)) answer['access_token'] = rnd.pick(WRONG_TYPES);
    return doc(json(answer), false, false, 'token-bad-access-token');
  }
  if (roll < 0.9) {
    // No readable expiry: a JWT without exp, no expires_in, expires_on garbage or of a wrong type.
    const { expires_in: _dropped, ...rest } = base;
    const expires = rnd.chance(0.5)
      ? rnd.pick(NOT_A_DATE)
      : rnd.pick(WRONG_TYPES.filter((v) => typeof v !== 'number' && v !== ''));
    return doc(
      json({ ...rest, access_token: jwtNoExp, expires_on: expires }),
      false,
      false,
      'token-expiry-garbage',
    );
  }
  if (roll < 0.97) {
    // Already expired (numbers as strings and back), the exp claim in the past too.
    const past = nowSeconds - 60 - rnd.int(100_000);
    const expired = jwtOf({ ...claims, exp: past });
    return doc(
      json({ ...base, access_token: expired, expires_on: rnd.chance(0.5) ? past : String(past) }),
      false,
      false,
      'token-expired',
    );
  }
  // Absurd expiry values: the contract does not say; the engine must merely survive them.
  const absurd = rnd.pick([1e20, 9e15, Number.MAX_SAFE_INTEGER, '99999999999999999999', 1.5e12]);
  return doc(
    json({ ...base, access_token: jwtNoExp, expires_on: absurd }),
    false,
    false,
    'token-absurd-expiry',
    true,
  );
}
