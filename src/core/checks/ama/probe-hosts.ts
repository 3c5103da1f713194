// The AMA readiness check's run, loaded only when the check was asked for (ama: true), so a plain IMDS check
// never pays for loading TLS, DNS and the rest of the Azure Monitor probing at start-up.
import { monitorSuffix } from '../../clouds.js';
import { remedyContext, remedyFor } from '../../pipeline/remedy-lookup.js';
import type { Run } from '../../pipeline/run-state.js';
import type { Findings, Verdict } from '../../types.js';
import { AMA_REMEDIES } from './ama-codes.js';
import type { AmaBounds } from './bounds.js';
import { amaHosts, regionLabel } from './hosts.js';
import { networkOf } from './network.js';
import { inPool } from './pool.js';
import { probeHost, type ChainExpiry, type HostEntry, type HostOutcome } from './probe-host.js';
import { planRouting } from './route.js';
import { loadTrust } from './trust.js';
import { hostsVerdict } from './verdict.js';

/** What the probing found: a verdict with each host's entry and answer, or why nothing was probed. */
export type Probed =
  | { skipped: string }
  | { verdict: Verdict; hosts: HostEntry[]; answers: AmaAnswer[]; expired: ExpiredChain[] };

/** A host whose chain looked expired or not yet valid, and when it is valid (see ChainExpiry). */
export interface ExpiredChain extends ChainExpiry {
  host: string;
}

/** An HTTP answer from an Azure Monitor host: its Date header ('' when absent), when it was asked and arrived. */
export interface AmaAnswer {
  host: string;
  date: string;
  sent: number;
  at: number;
}

const ended = (verdict: Verdict): Probed => ({ verdict, hosts: [], answers: [], expired: [] });

/** Every host AMA must reach, at most `bounds.concurrency` at once. */
export async function probeAmaHosts(run: Run, findings: Findings, bounds: AmaBounds): Promise<Probed> {
  const machine = findings.metadata?.machine;
  const region = regionLabel(machine?.location ?? '');
  if (!region) return { skipped: 'Not attempted: metadata gave no region (compute.location).' };
  const cloud = machine?.azEnvironment ?? '';
  const suffix = monitorSuffix(cloud);
  if (!suffix) {
    return ended({
      status: 'warn',
      code: 'ama_unknown_cloud',
      message: `No Azure Monitor endpoint was probed: the cloud '${cloud || '(none)'}' from metadata azEnvironment has no published Azure Monitor host names.`,
    });
  }
  if (run.budget.expired()) {
    return ended({
      status: 'fail',
      code: 'deadline_exceeded',
      message: `No time left of ${run.ctx.spell.name('timeout-seconds')} (${run.options.timeoutSeconds} s) for the Azure Monitor endpoints.`,
    });
  }
  const plan = planRouting(run.options.amaProxy, run.ctx);
  if (plan.kind === 'invalid') {
    return ended({
      status: 'fail',
      code: 'ama_proxy_invalid',
      message: `The environment's proxy cannot be used for Azure Monitor: ${plan.reason}.`,
    });
  }
  const loaded = await loadTrust(run.ctx, run.options.amaTrustedRoots);
  if (!loaded.ok) {
    return ended({
      status: 'fail',
      code: 'ama_trusted_roots_invalid',
      message: `${run.ctx.spell.name('ama-trusted-roots')} '${run.options.amaTrustedRoots}': ${loaded.reason}. No endpoint was probed.`,
    });
  }
  const hosts = amaHosts(region, suffix, run.options.workspaceIds, run.options.dceEndpoints);
  const route =
    plan.kind === 'proxy' ? `through the proxy ${plan.route.display} from ${plan.route.source}` : 'direct';
  // The list first, so a user watching a slow run knows what is being waited for.
  hosts.forEach((h, i) =>
    run.ctx.progress({ check: 'ama', text: `ama: host ${i + 1}/${hosts.length} ${h.host} (${h.purpose})` }),
  );
  const deps = {
    network: networkOf(run),
    trust: loaded.trust,
    plan,
    privateLink: run.options.privateLink,
    bounds,
    cap: (ms: number) => run.budget.cap(ms),
    now: () => run.ctx.clock.now(),
    userAgent: `imds-check/${run.ctx.toolVersion}`,
  };
  const outcomes: HostOutcome[] = await inPool(hosts, bounds.concurrency, async (host) => {
    const outcome = await probeHost(host, deps);
    const { status, code } = outcome.entry;
    const named = status === 'pass' ? 'pass' : `${status} (${code})`;
    run.ctx.progress({ check: 'ama', text: `ama: ${host.host} ${named} ${outcome.ms} ms` });
    return outcome;
  });
  const { verdict, otherCodes } = hostsVerdict(outcomes, route, loaded.trust.sources);
  const hint = otherCodes
    .map((code) => `For ${code}: ${remedyFor(code, remedyContext(run), AMA_REMEDIES)}`)
    .join(' ');
  return {
    verdict: hint ? { ...verdict, hint } : verdict,
    hosts: outcomes.map((o) => o.entry),
    answers: outcomes.flatMap((o) => (o.answered ? [{ host: o.entry.host, ...o.answered }] : [])),
    expired: outcomes.flatMap((o) => (o.expiry ? [{ host: o.entry.host, ...o.expiry }] : [])),
  };
}
