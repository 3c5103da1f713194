import { readClaims } from '../../../src/core/imds/jwt.js';

const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown): string => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJl`;

const EMPTY = {
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

describe('readClaims', () => {
  it('reads the allow-listed claims of a valid payload', () => {
    const token = jwt({
      aud: 'https://management.azure.com/',
      iss: 'https://sts.windows.net/tid-1/',
      tid: 'tid-1',
      oid: 'oid-1',
      appid: 'app-1',
      azp: 'azp-1',
      xms_mirid:
        '/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id',
      exp: 1800000000,
      nbf: 1799990000,
      iat: 1799990000,
      name: 'not allow-listed',
    });
    expect(readClaims(token)).toEqual({
      aud: 'https://management.azure.com/',
      iss: 'https://sts.windows.net/tid-1/',
      tid: 'tid-1',
      oid: 'oid-1',
      appid: 'app-1',
      xmsMirid:
        '/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id',
      exp: 1800000000,
      nbf: 1799990000,
      iat: 1799990000,
    });
  });

  it('falls back to azp when appid is missing or empty (v2 tokens)', () => {
    expect(readClaims(jwt({ azp: 'azp-1' })).appid).toBe('azp-1');
    expect(readClaims(jwt({ appid: '', azp: 'azp-2' })).appid).toBe('azp-2');
  });

  it('reads numeric strings for exp and iat, and numbers as text for ids', () => {
    const claims = readClaims(jwt({ exp: '1800000000', iat: '1799990000', oid: 12345 }));
    expect(claims.exp).toBe(1800000000);
    expect(claims.iat).toBe(1799990000);
    expect(claims.oid).toBe('12345');
  });

  it.each<[string, unknown]>([
    ['a fraction string', '1.5'],
    ['a word', 'soon'],
    ['an object', { n: 1 }],
    ['a boolean', true],
  ])('exp as %s is null', (_, exp) => {
    expect(readClaims(jwt({ exp })).exp).toBeNull();
  });

  it('ignores claims of the wrong type', () => {
    const claims = readClaims(jwt({ aud: ['a', 'b'], tid: { x: 1 }, oid: null, appid: false }));
    expect(claims).toEqual(EMPTY);
  });

  it.each<[string, string]>([
    ['empty', ''],
    ['one part', 'abc'],
    ['two parts', `${b64({})}.${b64({ oid: 'x' })}`],
    ['four parts', `a.${b64({ oid: 'x' })}.c.d`],
    ['empty payload', 'a..c'],
    ['payload not base64 JSON', 'a.!!!!.c'],
    ['payload truncated JSON', `a.${b64('{"oid":"x"')}.c`],
    ['payload a string', `a.${b64('"oid"')}.c`],
    ['payload a number', `a.${b64('42')}.c`],
    ['payload null', `a.${b64('null')}.c`],
    ['opaque token', 'eyJ0eXAiOiJKV1Qi'],
  ])('%s → empty claims, no throw', (_, token) => {
    expect(readClaims(token)).toEqual(EMPTY);
  });

  it('an array payload yields empty claims', () => {
    expect(readClaims(`a.${b64('[{"oid":"x"}]')}.c`)).toEqual(EMPTY);
  });
});
