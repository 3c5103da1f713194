// The narrow client through which everything talks to IMDS: one GET to the run's endpoint with the header policy
// every request follows (Metadata: true, never X-Forwarded-For, never a proxy), admitted by the run's pacer
// (IMDS's 5 requests per second), each phase bounded by its own limit and by what is left of the run, and a
// slow answer or a retry wait told as progress of the check that asked.
import http from 'node:http';
import type { Clock } from '../context.js';
import type { CheckId } from '../types.js';
import type { Budget } from './budget.js';
import type { Endpoint } from './endpoint.js';
import type { NameResolver } from './lookup.js';
import { httpGet, MAX_BODY_BYTES, type HttpResult } from './http.js';
import type { RequestPacer } from './pacer.js';
import type { ProgressLog } from './progress.js';
import { BODY_TIMEOUT_MS, CONNECT_TIMEOUT_MS, HEADERS_TIMEOUT_MS } from './protocol.js';
import { waitReason, withRetry, type RequestKind } from './retry.js';

export interface ImdsClient {
  readonly endpoint: Endpoint;
  /** One request, never retried. */
  get(pathAndQuery: string, extraHeaders?: Record<string, string>): Promise<HttpResult>;
  /** `send` again as Microsoft's guidance says for `kind` requests, each wait told as progress. */
  retried(
    kind: RequestKind,
    send: () => Promise<HttpResult>,
  ): Promise<{ result: HttpResult; attempts: number }>;
}

interface ImdsClients {
  /** The client for requests made on behalf of `check`. */
  client(check: CheckId): ImdsClient;
  /** Closes the keep-alive connection once the run is over. */
  close(): void;
}

interface ClientDeps {
  endpoint: Endpoint;
  /** Resolves an endpoint given by name, within the connect bound. */
  names: NameResolver;
  /** 'IMDS' or 'Hybrid IMDS', as progress lines name it. */
  service: string;
  budget: Budget;
  pacer: RequestPacer;
  progress: ProgressLog;
  clock: Clock;
  random: () => number;
  userAgent: string;
}

export function imdsClients(deps: ClientDeps): ImdsClients {
  // One keep-alive connection for the whole run: every IMDS request of every check goes through it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { endpoint, budget } = deps;
  const client = (check: CheckId): ImdsClient => ({
    endpoint,
    async get(pathAndQuery, extraHeaders = {}) {
      await deps.pacer.admit();
      const bound = budget.cap(CONNECT_TIMEOUT_MS + HEADERS_TIMEOUT_MS);
      const quiet = deps.progress.slow(check, endpoint.base, bound);
      return httpGet({
        connection: { agent, connectHosts: endpoint.connectHosts, port: endpoint.port },
        hostHeader: endpoint.hostHeader,
        path: pathAndQuery,
        headers: {
          Metadata: 'true',
          Accept: 'application/json',
          'User-Agent': deps.userAgent,
          ...extraHeaders,
        },
        connectTimeoutMs: budget.cap(CONNECT_TIMEOUT_MS),
        lookup: deps.names.netLookup(budget.cap(CONNECT_TIMEOUT_MS)),
        headersTimeoutMs: budget.cap(HEADERS_TIMEOUT_MS),
        bodyTimeoutMs: budget.cap(BODY_TIMEOUT_MS),
        remainingMs: budget.remaining(),
        maxBodyBytes: MAX_BODY_BYTES,
        body: 'whole',
      }).finally(quiet);
    },
    retried: (kind, send) =>
      withRetry(kind, send, {
        clock: deps.clock,
        random: deps.random,
        budget,
        onWait: (result, attempt, delayMs) =>
          deps.progress.retry(check, waitReason(result, deps.service), attempt, delayMs),
      }),
  });
  return { client, close: () => agent.destroy() };
}
