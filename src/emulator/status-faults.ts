// "N errors, then OK" sequences. Each route family counts its own valid requests; the fault answers while
// the count is within `times`. Bodies use the route family's error shape.

import type { RouteFamily, StatusFault } from './scenarios.js';
import type { EmulatorState } from './state.js';
import { metadataError, oauthError } from './respond.js';

export interface FaultAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const MESSAGES: Record<number, { metadata: string; token: [string, string] }> = {
  404: { metadata: 'Not found', token: ['not_found', 'IMDS endpoint is updating'] },
  410: {
    metadata: 'Gone. IMDS is going through updates, retry after some time',
    token: ['service_unavailable', 'IMDS is going through updates'],
  },
  429: {
    metadata: 'Too many requests',
    token: ['too_many_requests', 'Too many requests, retry after some time'],
  },
  500: {
    metadata: 'Internal server error',
    token: ['unknown', 'Failed to retrieve token from the Active directory'],
  },
};

function body(route: RouteFamily, status: number): string {
  const message = MESSAGES[status] ?? { metadata: 'Error', token: ['unknown', 'Error'] as [string, string] };
  return route === 'metadata' ? metadataError(message.metadata) : oauthError(...message.token);
}

/** Counts this request and returns the fault answer if one applies. */
export function nextStatusFault(state: EmulatorState, route: RouteFamily): FaultAnswer | undefined {
  state.counters[route] += 1;
  const seen = state.counters[route];
  const fault: StatusFault | undefined = state.spec.statusFaults?.find(
    (f) => f.route === route && seen <= f.times,
  );
  if (!fault) return undefined;
  const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
  return { status: fault.status, body: body(route, fault.status), headers };
}
