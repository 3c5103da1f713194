// The AMA readiness check (ama: true): after IMDS, the endpoints the Azure Monitor Agent itself must reach,
// from the region and cloud metadata gave. Per host: DNS, TCP 443 (direct or CONNECT), TLS with the Azure root
// check, HTTP. The probing (TLS, DNS) is loaded only when the check runs, so start-up never pays for it.
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import { checkStatusOutput, isCheckStatusWord, type OutputSpec } from '../../pipeline/output-spec.js';
import type { Run } from '../../pipeline/run-state.js';
import { isHostList } from '../../shapes.js';
import type { Finding, Findings } from '../../types.js';
import { AMA_REMEDIES, type AmaCode } from './ama-codes.js';
import { AMA_INPUTS, type AmaOptions } from './ama-inputs.js';
import { AMA_BOUNDS, type AmaBounds } from './bounds.js';
import { clockCause } from './clock-cause.js';
import type { HostEntry } from './probe-host.js';
import type { AmaAnswer, ExpiredChain } from './probe-hosts.js';

export interface AmaFinding extends Finding {
  hosts: HostEntry[];
  /** The HTTP answers that came back, with their Date headers (the servers' clock) and when they arrived. */
  answers: AmaAnswer[];
  /** The hosts whose chain looked expired or not yet valid, with when it is valid (for the clock's settle). */
  expired: ExpiredChain[];
}

type AmaInput = 'workspace-ids' | 'dce-endpoints' | 'ama-proxy' | 'private-link' | 'ama-trusted-roots';

declare module '../../types.js' {
  interface CheckTypes {
    ama: {
      finding: AmaFinding;
      codes: AmaCode;
      inputs: AmaInput;
      outputs: 'ama-status' | 'ama-failed-endpoints';
    };
  }
  interface ProbeOptions extends AmaOptions {}
}

/** Host names of the failed hosts in the report's entry of the check. */
function failedHosts(data: { [key: string]: unknown } | undefined): string {
  const hosts = Array.isArray(data?.['hosts'])
    ? (data['hosts'] as { host?: unknown; status?: unknown }[])
    : [];
  return hosts
    .filter((h) => h.status === 'fail' && typeof h.host === 'string')
    .map((h) => h.host as string)
    .join(',');
}

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'ama-status',
    // Present only when requested; `skipped` says it was not.
    shape: isCheckStatusWord,
    value: (report) => checkStatusOutput(report, 'ama'),
  },
  {
    name: 'ama-failed-endpoints',
    shape: isHostList,
    value: (report) => failedHosts(report.checks.find((c) => c.id === 'ama')?.data),
  },
];

/** The check's run with its bounds as a parameter, so tests can shorten the silent-host wait. */
export async function runAma(
  run: Run,
  findings: Findings,
  bounds: AmaBounds = AMA_BOUNDS,
): Promise<AmaFinding> {
  const startedAt = run.ctx.clock.now();
  const probed = await (await import('./probe-hosts.js')).probeAmaHosts(run, findings, bounds);
  if ('skipped' in probed)
    return { check: skip(run, amaCheck, probed.skipped), hosts: [], answers: [], expired: [] };
  return {
    check: finish(run, amaCheck, startedAt, probed.verdict),
    hosts: probed.hosts,
    answers: probed.answers,
    expired: probed.expired,
  };
}

export const amaCheck: CheckModule<'ama'> = {
  id: 'ama',
  title: 'Azure Monitor Agent endpoints',
  wanted: (options) => options.ama,
  inputs: AMA_INPUTS,
  outputs: OUTPUTS,
  remedies: AMA_REMEDIES,
  run: (run, findings) => runAma(run, findings),
  settle: (own, findings) => clockCause(own, findings),
};
