// Orchestrates one run: environment → reachability (TCP) → metadata → token, then settles whether IMDS itself
// answered, aggregates the result and builds the report. Expected outcomes never throw.
import http from 'node:http';
import { Budget } from './budget.js';
import { environmentCheck } from './checks/environment.js';
import { EMPTY_MACHINE, metadataCheck, type MetadataFinding } from './checks/metadata.js';
import { connectCheck, type ConnectFinding } from './checks/reachability.js';
import { selectorText } from './checks/token-answer.js';
import { tokenCheck, type TokenFinding } from './checks/token.js';
import { armResourceFor } from './endpoints.js';
import { finishCheck, parseEndpoint, skipped, type ProbeRun } from './probe-context.js';
import { setting, type Code } from './codes.js';
import { SOCKET_WORDS } from './contract.js';
import type {
  CheckResult,
  IdentityFacts,
  ProbeOptions,
  ProbeOutcome,
  Report,
  RunResult,
  RuntimeContext,
} from './types.js';

function emptyIdentity(options: ProbeOptions): IdentityFacts {
  return {
    kind: options.identity,
    selector: selectorText(options.selector),
    principalId: '',
    tenantId: '',
    appId: '',
    audience: '',
    expiresOn: '',
    tokenType: '',
  };
}

/** Reachability, part two: connected, and did something recognisable as IMDS answer? */
function reachabilityVerdict(
  run: ProbeRun,
  connect: ConnectFinding,
  meta: MetadataFinding,
  token: TokenFinding | null,
): { check: CheckResult; reachable: boolean } {
  const startedAt = run.ctx.clock.now() - connect.connectMs;
  const base = run.endpoint.base;
  const imdsAnswer = [meta, token].find((f) => f?.recognition?.imds === true);
  if (imdsAnswer) {
    const server =
      imdsAnswer.recognition?.imds && imdsAnswer.recognition.serverHeader
        ? ' with a Server: IMDS header'
        : '';
    const check = finishCheck(run, 'reachability', startedAt, {
      status: 'pass',
      code: 'ok',
      message: `Connected to ${base} in ${connect.connectMs} ms; ${run.mode === 'arc' ? 'Hybrid IMDS' : 'IMDS'} answered (HTTP ${imdsAnswer.check.httpStatus})${server}.`,
      attempts: connect.attempts,
      httpStatus: imdsAnswer.check.httpStatus,
      outcome: imdsAnswer.check.outcome,
    });
    return { check: { ...check, durationMs: connect.connectMs }, reachable: true };
  }
  const seen = meta.recognition;
  // Nothing recognisable came back: name what answered instead, or the transport failure the metadata request hit.
  const code: Code =
    seen && !seen.imds
      ? seen.code
      : meta.check.status === 'fail'
        ? (meta.check.code as Code)
        : 'not_imds_answer';
  const what =
    seen && !seen.imds
      ? seen.what
      : meta.check.message.replace(/^GET \S+ failed[^:]*: /, '').replace(/\.$/, '');
  const check = finishCheck(run, 'reachability', startedAt, {
    status: 'fail',
    code,
    message: `Connected to ${base}, but IMDS did not answer: ${what}.`,
    attempts: connect.attempts,
    httpStatus: meta.check.httpStatus,
    outcome: meta.check.outcome,
  });
  return { check: { ...check, durationMs: connect.connectMs }, reachable: false };
}

function aggregate(checks: CheckResult[]): RunResult {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

export async function runProbe(options: ProbeOptions, ctx: RuntimeContext): Promise<ProbeOutcome> {
  const startedAtMs = ctx.clock.now();
  const budget = new Budget(ctx.clock, options.timeoutSeconds * 1000);
  const env = await environmentCheck(options, ctx);
  const run: ProbeRun = {
    options,
    ctx,
    budget,
    mode: env.mode,
    endpoint: parseEndpoint(env.base),
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  };
  let reach: CheckResult;
  let metadata: CheckResult;
  let tokenResult: CheckResult;
  let reachable = false;
  let machine = EMPTY_MACHINE;
  let identity = emptyIdentity(options);
  let accessToken: string | null = null;
  try {
    const connect = await connectCheck(run);
    if (!connect.connected && connect.check) {
      reach = connect.check;
      metadata = skipped(run, 'metadata', 'Not attempted: nothing could be connected.');
      tokenResult = skipped(
        run,
        'token',
        options.identity === 'none'
          ? 'Not requested (identity: none).'
          : 'Not attempted: nothing could be connected.',
      );
    } else {
      const meta = await metadataCheck(run);
      machine = meta.machine;
      metadata = meta.check;
      let token: TokenFinding | null = null;
      if (options.identity === 'none') {
        tokenResult = skipped(run, 'token', 'Not requested (identity: none).');
      } else if (meta.recognition && !meta.recognition.imds) {
        tokenResult = skipped(run, 'token', 'Not attempted: what answered is not IMDS.');
      } else if (!meta.recognition) {
        tokenResult = skipped(run, 'token', 'Not attempted: IMDS did not answer the metadata request.');
      } else if (budget.expired()) {
        tokenResult = finishCheck(run, 'token', ctx.clock.now(), {
          status: 'fail',
          code: 'deadline_exceeded',
          message: `No time left of ${setting(ctx, 'timeout-seconds')} (${options.timeoutSeconds} s) for the token request.`,
          outcome: 'timeout',
        });
      } else {
        token = await tokenCheck(run, options.resource || armResourceFor(machine.azEnvironment));
        tokenResult = token.check;
        identity = token.identity ?? identity;
        accessToken = token.accessToken;
      }
      ({ check: reach, reachable } = reachabilityVerdict(run, connect, meta, token));
      // Nothing answered the metadata request at all: reachability carries the socket word; metadata is skipped.
      if (!reachable && meta.recognition === null && SOCKET_WORDS.has(metadata.outcome)) {
        metadata = skipped(run, 'metadata', `Not answered: ${meta.check.message} See reachability.`);
      }
    }
  } finally {
    run.agent.destroy();
  }
  const checks = [env.check, reach, metadata, tokenResult];
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'imds-check', version: ctx.toolVersion },
    startedAt: new Date(startedAtMs).toISOString(),
    durationMs: Math.max(0, ctx.clock.now() - startedAtMs),
    mode: { requested: options.mode, resolved: env.mode, signal: env.signal },
    endpoint: run.endpoint.base,
    result: aggregate(checks),
    reachable,
    failOn: options.failOn,
    checks,
    machine,
    identity,
  };
  return { report, accessToken };
}
