// Status faults. Sequences ("N errors, then OK", or a burst after some good answers) count each route
// family's valid requests, a time window ("410 for 40 s") starts at the family's first request;
// intermittent faults recur every k-th request or at a seeded random rate.
// Bodies use the route family's error shape.

import type { IntermittentFault, RouteFamily, StatusFault } from './scenarios.js';
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

function intermittentHits(state: EmulatorState, fault: IntermittentFault, seen: number): boolean {
  // Each random-rate fault draws once per request of its family, hit or not, so the pattern depends only
  // on the seed and the request order.
  return 'every' in fault ? seen % fault.every === 0 : state.faultRandom() < fault.rate;
}

/** Counts this request and returns the fault answer if one applies. */
export function nextStatusFault(state: EmulatorState, route: RouteFamily): FaultAnswer | undefined {
  state.counters[route] += 1;
  const seen = state.counters[route];
  const now = Date.now();
  const first = (state.firstSeen[route] ??= now);
  const applies = (f: StatusFault): boolean =>
    f.forMs !== undefined ? now - first < f.forMs : seen > (f.after ?? 0) && seen <= (f.after ?? 0) + f.times;
  const fault: StatusFault | undefined = state.spec.statusFaults?.find(
    (f) => f.route === route && applies(f),
  );
  if (fault) {
    const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
    return { status: fault.status, body: body(route, fault.status), headers };
  }
  const hits = (state.spec.intermittent ?? [])
    .filter((f) => f.route === route)
    .filter((f) => intermittentHits(state, f, seen));
  const hit = hits[0];
  return hit ? { status: hit.status, body: body(route, hit.status), headers: {} } : undefined;
}
