// One GET to the run's IMDS endpoint with the header policy every request follows (Metadata: true, never
// X-Forwarded-For, never a proxy), admitted by the run's pacer (IMDS's 5 requests per second), each phase
// bounded by its own limit and by what is left of the run.
import type { CheckId } from './types.js';
import { BODY_TIMEOUT_MS, CONNECT_TIMEOUT_MS, HEADERS_TIMEOUT_MS } from './endpoints.js';
import { httpGet, MAX_BODY_BYTES, type HttpResult } from './http.js';
import type { Run } from './pipeline/run.js';
import type { RetryDeps } from './retry.js';
import { waitReason } from './retry.js';

export async function imdsGet(
  run: Run,
  check: CheckId,
  pathAndQuery: string,
  extraHeaders: Record<string, string> = {},
): Promise<HttpResult> {
  await run.pacer.admit();
  const { budget, target } = run;
  const bound = budget.cap(CONNECT_TIMEOUT_MS + HEADERS_TIMEOUT_MS);
  const quiet = run.progress.slow(check, target.endpoint.base, bound);
  return httpGet({
    connectHosts: target.endpoint.connectHosts,
    port: target.endpoint.port,
    hostHeader: target.endpoint.hostHeader,
    path: pathAndQuery,
    headers: {
      Metadata: 'true',
      Accept: 'application/json',
      'User-Agent': `imds-check/${run.ctx.toolVersion}`,
      ...extraHeaders,
    },
    connectTimeoutMs: budget.cap(CONNECT_TIMEOUT_MS),
    headersTimeoutMs: budget.cap(HEADERS_TIMEOUT_MS),
    bodyTimeoutMs: budget.cap(BODY_TIMEOUT_MS),
    remainingMs: budget.remaining(),
    maxBodyBytes: MAX_BODY_BYTES,
    agent: run.agent,
  }).finally(quiet);
}

/** What withRetry needs for this run, with retry waits reported as progress for `check`. */
export function retryDeps(run: Run, check: CheckId): RetryDeps {
  return {
    clock: run.ctx.clock,
    random: run.ctx.random,
    budget: run.budget,
    onWait: (result, attempt, delayMs) =>
      run.progress.retry(check, waitReason(result, run.target.profile.service), attempt, delayMs),
  };
}
