// The AMA readiness check's run, loaded only when the check was asked for (ama: true), so a plain IMDS check
// never pays for loading TLS, DNS and the rest of the Azure Monitor probing at start-up.
import { AMA_BOUNDS, type AmaBounds } from './bounds.js';
import { amaHosts, cloudSuffix, regionLabel } from './hosts.js';
import { networkOf } from './network.js';
import { inPool } from './pool.js';
import { probeHost, type HostEntry, type HostOutcome } from './probe-host.js';
import { planProxy } from './proxy.js';
import { verdict } from './summary.js';
import { loadTrust } from './trust.js';
import { finish, skip, type CheckEnd } from '../pipeline/check.js';
import type { Findings } from '../pipeline/findings.js';
import type { Run } from '../pipeline/run.js';
import { remedyFor } from '../remedies.js';

import type { AmaFinding } from '../checks/ama.js';
import { AMA_CHECK } from './check-id.js';

function ended(run: Run, startedAt: number, end: CheckEnd, hosts: HostEntry[] = []): AmaFinding {
  return { check: finish(run, AMA_CHECK, startedAt, end), hosts };
}

/** The checks's run with its bounds as a parameter, so tests can shorten the silent-host wait. */
export async function runAma(
  run: Run,
  findings: Findings,
  bounds: AmaBounds = AMA_BOUNDS,
): Promise<AmaFinding> {
  const startedAt = run.ctx.clock.now();
  const machine = findings.metadata?.machine;
  const region = regionLabel(machine?.location ?? '');
  if (!region)
    return {
      check: skip(run, AMA_CHECK, 'Not attempted: metadata gave no region (compute.location).'),
      hosts: [],
    };
  const cloud = machine?.azEnvironment ?? '';
  const suffix = cloudSuffix(cloud);
  if (!suffix) {
    return ended(run, startedAt, {
      status: 'warn',
      code: 'ama_unknown_cloud',
      message: `No Azure Monitor endpoint was probed: the cloud '${cloud || '(none)'}' from metadata azEnvironment has no published Azure Monitor host names.`,
    });
  }
  if (run.budget.expired()) {
    return ended(run, startedAt, {
      status: 'fail',
      code: 'deadline_exceeded',
      message: `No time left of ${run.ctx.spell.name('timeout-seconds')} (${run.options.timeoutSeconds} s) for the Azure Monitor endpoints.`,
    });
  }
  const plan = planProxy(run.options.amaProxy, run.ctx);
  if (plan.kind === 'invalid') {
    return ended(run, startedAt, {
      status: 'fail',
      code: 'ama_proxy_invalid',
      message: `The environment's proxy cannot be used for Azure Monitor: ${plan.reason}.`,
    });
  }
  const loaded = await loadTrust(run.ctx, run.options.amaTrustedRoots);
  if (!loaded.ok) {
    return ended(run, startedAt, {
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
    network: networkOf(run.ctx),
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
  const { end, otherCodes } = verdict(outcomes, route, loaded.trust.sources);
  const remedyContext = { profile: run.target.profile, platform: run.ctx.platform, spell: run.ctx.spell };
  const hint = otherCodes.map((code) => `For ${code}: ${remedyFor(code, remedyContext)}`).join(' ');
  return ended(
    run,
    startedAt,
    hint ? { ...end, hint } : end,
    outcomes.map((o) => o.entry),
  );
}
