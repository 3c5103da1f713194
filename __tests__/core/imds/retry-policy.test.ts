import { isRetryable, retryAfterMs, retryDelayMs } from '../../../src/core/imds/retry.js';
import { answer, failure, json } from '../../helpers/answers.js';

describe('isRetryable', () => {
  // IMDS's own answers carry a JSON error body; a 5xx counts as IMDS being busy only when it looks like IMDS
  // (JSON body or Server: IMDS/...), since a proxy's 5xx page does not get better by retrying.
  const imds = (status: number) => json(status, { error: 'IMDS says no' });
  it.each<[number, boolean, boolean]>([
    // status, metadata, token
    [200, false, false],
    [400, false, false],
    [401, false, false],
    [403, false, false],
    [404, false, true],
    [405, false, false],
    [410, true, true],
    [429, true, true],
    [500, true, true],
    [502, true, true],
    [503, true, true],
    [504, true, true],
  ])('IMDS HTTP %i: metadata %s, token %s', (status, metadata, token) => {
    expect(isRetryable('metadata', imds(status))).toBe(metadata);
    expect(isRetryable('token', imds(status))).toBe(token);
  });

  it.each<[number, boolean, boolean]>([
    [410, true, true],
    [429, true, true],
    [404, false, true],
  ])('HTTP %i with an empty body: metadata %s, token %s', (status, metadata, token) => {
    expect(isRetryable('metadata', answer(status))).toBe(metadata);
    expect(isRetryable('token', answer(status))).toBe(token);
  });

  it('retries a 5xx with a Server: IMDS header even without JSON', () => {
    expect(isRetryable('metadata', answer(500, 'Internal error', { Server: 'IMDS/150.870.65.1475' }))).toBe(
      true,
    );
  });

  it.each([
    ['an HTML 502 page', answer(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' })],
    ['an empty 504', answer(504)],
  ])('does not retry %s (not IMDS)', (_, a) => {
    expect(isRetryable('metadata', a)).toBe(false);
    expect(isRetryable('token', a)).toBe(false);
  });

  // Hybrid IMDS sends no Server header and may answer errors in plain text: its 5xx is still retried.
  it('retries a plain-text 503 (as Hybrid IMDS may send)', () => {
    expect(isRetryable('metadata', answer(503, 'Service Unavailable'))).toBe(true);
    expect(isRetryable('token', answer(500, 'internal error'))).toBe(true);
  });

  it.each([
    ['no_response', true],
    ['connection_reset', true],
    ['connect_timeout', true],
    ['body_timeout', true],
    ['connection_refused', false],
    ['network_unreachable', false],
    ['body_too_large', false],
    ['protocol_error', false],
  ] as const)('transport failure %s retried: %s', (kind, retried) => {
    expect(isRetryable('metadata', failure(kind))).toBe(retried);
    expect(isRetryable('token', failure(kind))).toBe(retried);
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);
  it.each<[string, number | null]>([
    ['0', 0],
    ['1', 1000],
    ['5', 5000],
    [' 30 ', 30000],
    ['Thu, 15 Jan 2026 12:00:10 GMT', 10000],
    ['Thu, 15 Jan 2026 11:59:00 GMT', 0],
    ['', null],
    ['   ', null],
    ['abc', null],
    ['soon', null],
    ['10 apples', null],
    // Neither delay-seconds nor an HTTP-date: must not become "retry now".
    ['1.5', null],
    ['-1', null],
    ['2', 2000],
  ])('%j → %s', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  const now = 0;
  const low = () => 0;
  const high = () => 0.999;

  it.each([
    [1, 500, 999.5],
    [2, 1000, 1999],
    [3, 2000, 3998],
    [4, 4000, 7996],
  ])('after %i attempts a 429 without Retry-After waits between %d and %d ms', (n, min, max) => {
    const r = answer(429);
    expect(retryDelayMs(n, r, low, now)).toBe(min);
    expect(retryDelayMs(n, r, high, now)).toBeCloseTo(max, 5);
  });

  it('grows exponentially and stays bounded', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) =>
      retryDelayMs(n, failure('no_response'), high, now),
    );
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[3]! / delays[0]!).toBeCloseTo(8, 5);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60_000);
  });

  it.each([500, 502, 503, 504])(
    'waits at least 1 s after %i, even with random 0 on the first retry',
    (status) => {
      expect(retryDelayMs(1, answer(status), low, now)).toBeGreaterThanOrEqual(1000);
      expect(retryDelayMs(1, answer(status), high, now)).toBeGreaterThanOrEqual(1000);
    },
  );

  it('honours Retry-After on 429 (seconds and HTTP date)', () => {
    expect(retryDelayMs(1, answer(429, '', { 'Retry-After': '7' }), low, now)).toBe(7000);
    expect(retryDelayMs(5, answer(429, '', { 'Retry-After': '2' }), high, now)).toBe(2000);
    const at = Date.UTC(2026, 0, 15, 12, 0, 0);
    expect(
      retryDelayMs(1, answer(429, '', { 'retry-after': 'Thu, 15 Jan 2026 12:00:03 GMT' }), low, at),
    ).toBe(3000);
  });

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs(1, answer(429, '', { 'Retry-After': 'later' }), low, now)).toBe(500);
  });
});
