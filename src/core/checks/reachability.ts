// The reachability check, part one: a TCP connect that tells dropped from refused from unreachable.
// Part two (did IMDS itself answer?) is settled by run-probe from what the metadata and token requests saw.
import { CONNECT_ATTEMPTS, CONNECT_TIMEOUT_MS } from '../endpoints.js';
import { finishCheck, type ProbeRun } from '../probe-context.js';
import { tcpConnect } from '../tcp.js';
import { describeFailure, failureCode, failureOutcome } from '../transport.js';
import type { CheckResult } from '../types.js';

export interface ConnectFinding {
  connected: boolean;
  /** The failed check, when nothing could be connected. */
  check: CheckResult | null;
  attempts: number;
  connectMs: number;
}

async function serviceState(run: ProbeRun): Promise<string> {
  const diagnostics = run.ctx.diagnostics;
  // With no time left a zero timeout would mean "no limit" to child_process: skip instead.
  if (!diagnostics || run.mode !== 'arc' || run.budget.remaining() < 250) return '';
  const [cmd, args, name] =
    run.ctx.platform === 'win32'
      ? ['sc.exe', ['query', 'himds'], 'himds service']
      : ['systemctl', ['is-active', 'himdsd'], 'himdsd service'];
  try {
    const answer = await diagnostics.run(cmd, args, Math.min(2_000, run.budget.remaining()));
    if (!answer) return '';
    const state =
      run.ctx.platform === 'win32'
        ? (/STATE\s*:\s*\d+\s+(\w+)/.exec(answer.stdout)?.[1] ?? '')
        : answer.stdout.trim().split('\n')[0];
    return state ? ` The ${name} is ${state.toLowerCase()}.` : '';
  } catch {
    return '';
  }
}

export async function connectCheck(run: ProbeRun): Promise<ConnectFinding> {
  const startedAt = run.ctx.clock.now();
  const { connectHosts, port, base } = run.endpoint;
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const result = await tcpConnect(connectHosts, port, run.budget.cap(CONNECT_TIMEOUT_MS));
    if (result.ok)
      return { connected: true, check: null, attempts, connectMs: run.ctx.clock.now() - startedAt };
    const again =
      result.failure === 'connect_timeout' && attempts < CONNECT_ATTEMPTS && !run.budget.expired();
    if (again) continue;
    const extra = result.failure === 'connection_refused' ? await serviceState(run) : '';
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const check = finishCheck(run, 'reachability', startedAt, {
      status: 'fail',
      code: failureCode(result),
      message: `Could not connect to ${base}${tries}: ${describeFailure(result)}.${extra}`,
      attempts,
      outcome: failureOutcome({ failure: result.failure, status: null }),
    });
    return { connected: false, check, attempts, connectMs: run.ctx.clock.now() - startedAt };
  }
}
