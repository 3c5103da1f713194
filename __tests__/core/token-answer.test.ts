import { describe, expect, test } from '@jest/globals';
import { expiresOnSeconds, isoSeconds } from '../../src/core/checks/token-answer.js';

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
