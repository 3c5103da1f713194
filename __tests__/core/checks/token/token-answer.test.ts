import { describe, expect, test } from '@jest/globals';
import { expiresOnSeconds, isoSeconds } from '../../../../src/core/checks/token/token-answer.js';
import { registerTokenSecrets } from '../../../../src/core/imds/answers.js';
import { fakeJwt } from '../../../helpers/jwt-factory.js';

describe('token expiry parsing', () => {
  test.each([
    [1764093600, '2025-11-25T18:00:00Z'],
    [1e20, ''],
    [Number.MAX_SAFE_INTEGER, ''],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
  ])('isoSeconds(%p) = %j and never throws', (value, expected) => {
    expect(isoSeconds(value)).toBe(expected);
  });

  test('expires_on as string, number, date text, else exp, else expires_in', () => {
    expect(expiresOnSeconds({ expires_on: '1764093600' }, null, 0)).toBe(1764093600);
    expect(expiresOnSeconds({ expires_on: 1764093600 }, null, 0)).toBe(1764093600);
    expect(expiresOnSeconds({ expires_on: '2025-11-25T18:00:00Z' }, null, 0)).toBe(1764093600);
    expect(expiresOnSeconds({}, 1764093600, 0)).toBe(1764093600);
    expect(expiresOnSeconds({ expires_in: '3600' }, null, 1_000_000)).toBe(1000 + 3600);
    expect(expiresOnSeconds({ expires_on: 'soon' }, null, 0)).toBeNull();
  });
});

describe('registerTokenSecrets (issue 9: only plausible secrets are masked)', () => {
  const TOKEN = fakeJwt({ oid: 'x' });
  const REFRESH = 'refresh-0123456789abcdef';
  const register = (body: string) => {
    const secrets: string[] = [];
    const token = registerTokenSecrets(body, { registerSecret: (v) => secrets.push(v) });
    return { secrets, token };
  };

  it('registers the access and refresh tokens of a JSON answer and returns the access token', () => {
    expect(register(JSON.stringify({ access_token: TOKEN, refresh_token: REFRESH }))).toEqual({
      secrets: [TOKEN, REFRESH],
      token: TOKEN,
    });
  });

  it.each([
    ['"e"', 'e'],
    ['a word', 'PASS'],
    ['15 characters', 'abcdefghijklmno'],
    ['a multi-line value', 'abcdefghijklmnopqrstuvwxyz\nPASS'],
    ['a value with spaces', 'abcdefgh ijklmnop qrstuv'],
    ['a tab', 'abcdefghijklmnop\tq'],
  ])('does not register %s (masking it would blank words in the job log)', (_, value) => {
    const { secrets, token } = register(JSON.stringify({ access_token: value, refresh_token: value }));
    expect(secrets).toEqual([]);
    // Still handed back to the judge, which refuses a non-JWT and never prints it.
    expect(token).toBe(value);
  });

  it('ignores values that are not strings', () => {
    expect(register(JSON.stringify({ access_token: 12345678901234567890, refresh_token: { a: 1 } }))).toEqual(
      {
        secrets: [],
        token: null,
      },
    );
  });

  it('scans a truncated body so an unparsed token is still registered', () => {
    const body = `{"token_type":"Bearer","access_token":"${TOKEN}","expires_on":"17`;
    expect(register(body)).toEqual({ secrets: [TOKEN], token: null });
  });

  it('does not register a short value found in a truncated body', () => {
    expect(register('{"access_token":"abcdefgh12","x').secrets).toEqual([]);
  });
});
