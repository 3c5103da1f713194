// State shared by the checks of one run: options, the runtime context, the deadline, the resolved endpoint
// and the one http.Agent every request of the run uses (keep-alive, so metadata and token share a socket).
import http from 'node:http';
import { Budget } from './budget.js';
import { remediationFor, type Code } from './codes.js';
import { BODY_TIMEOUT_MS, CONNECT_TIMEOUT_MS, HEADERS_TIMEOUT_MS } from './endpoints.js';
import { httpGet, MAX_BODY_BYTES, type HttpResult } from './http.js';
import type { CheckId, CheckResult, CheckStatus, Mode, ProbeOptions, RuntimeContext } from './types.js';

export interface Endpoint {
  /** http://host:port as shown to the user. */
  base: string;
  connectHosts: string[];
  port: number;
  hostHeader: string;
}

export interface ProbeRun {
  options: ProbeOptions;
  ctx: RuntimeContext;
  budget: Budget;
  mode: Mode;
  endpoint: Endpoint;
  agent: http.Agent;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return LOOPBACK_NAMES.has(h) || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

export function parseEndpoint(base: string): Endpoint {
  const url = new URL(base);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? 80 : Number(url.port);
  // localhost may resolve to ::1 first while HIMDS listens on 127.0.0.1: try IPv4 first, then IPv6.
  const connectHosts = LOOPBACK_NAMES.has(hostname.toLowerCase()) ? ['127.0.0.1', '::1'] : [hostname];
  return { base: `http://${url.host}`, connectHosts, port, hostHeader: url.host };
}

export function sendGet(
  run: ProbeRun,
  pathAndQuery: string,
  extraHeaders: Record<string, string> = {},
): Promise<HttpResult> {
  const { budget } = run;
  return httpGet({
    connectHosts: run.endpoint.connectHosts,
    port: run.endpoint.port,
    hostHeader: run.endpoint.hostHeader,
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
  });
}

export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  environment: 'Environment',
  reachability: 'IMDS reachable',
  metadata: 'Instance metadata',
  token: 'Managed-identity token',
};

export interface CheckEnd {
  status: CheckStatus;
  code: Code;
  message: string;
  attempts?: number;
  httpStatus?: number | null;
  outcome?: string;
  /** Extra, situation-specific advice placed before the code's standard remediation. */
  hint?: string;
}

export function finishCheck(
  run: Pick<ProbeRun, 'mode' | 'ctx'>,
  id: CheckId,
  startedAt: number,
  end: CheckEnd,
): CheckResult {
  const standard =
    end.status === 'pass' || end.status === 'skip'
      ? ''
      : remediationFor(end.code, {
          mode: run.mode,
          platform: run.ctx.platform,
          frontDoor: run.ctx.frontDoor,
        });
  return {
    id,
    title: CHECK_TITLES[id],
    status: end.status,
    code: end.code,
    message: end.message,
    remediation: [end.hint ?? '', standard].filter((s) => s !== '').join(' '),
    durationMs: Math.max(0, run.ctx.clock.now() - startedAt),
    attempts: end.attempts ?? 0,
    httpStatus: end.httpStatus ?? null,
    outcome: end.outcome ?? 'skipped',
  };
}

export function skipped(
  run: Pick<ProbeRun, 'mode' | 'ctx'>,
  id: CheckId,
  message: string,
  outcome = 'skipped',
): CheckResult {
  return finishCheck(run, id, run.ctx.clock.now(), { status: 'skip', code: 'skipped', message, outcome });
}
