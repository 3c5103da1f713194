// Builders for HttpAnswer / HttpFailure values, so unit tests can feed the classifiers without a network.
import type { TransportFailure } from '../../src/core/imds/failures.js';
import type { HttpAnswer, HttpFailure } from '../../src/core/imds/http.js';

export function answer(
  status: number,
  body = '',
  headers: Record<string, string | string[]> = {},
): HttpAnswer {
  const lowered = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers))
    lowered.set(name.toLowerCase(), Array.isArray(value) ? value : [value]);
  return { kind: 'answer', status, headers: lowered, body, elapsedMs: 3 };
}

export function json(
  status: number,
  value: unknown,
  headers: Record<string, string | string[]> = {},
): HttpAnswer {
  return answer(status, JSON.stringify(value), {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}

export function failure(kind: TransportFailure, errno = 'E', status: number | null = null): HttpFailure {
  return { kind: 'failure', failure: kind, errno, status, elapsedMs: 3 };
}
