// The environment check: which mode (VM or Arc) and why, which endpoint, and whether a proxy setting would
// catch IMDS traffic of other programs. It sends nothing over the network.
import type { RuntimeContext } from '../../context.js';
import { finish, type CheckModule } from '../../pipeline/check.js';
import type { Run } from '../../pipeline/run-state.js';
import { agentBypassCovers, noProxyCovers, noProxyValue, proxySettings } from '../../proxy/no-proxy.js';
import type { Finding, ModeSignal, Remedy, Verdict } from '../../types.js';

type EnvironmentCode = 'proxy_without_imds_bypass' | 'arc_endpoint_invalid';

declare module '../../types.js' {
  interface CheckTypes {
    environment: { finding: Finding; codes: EnvironmentCode };
  }
}

const REMEDIES: Readonly<Record<EnvironmentCode, Remedy>> = {
  proxy_without_imds_bypass:
    'Add the IMDS address to the proxy bypass list (the message shows the exact NO_PROXY value) so that the Azure Monitor Agent and other tools reach IMDS directly. imds-check itself never uses a proxy for IMDS.',
  arc_endpoint_invalid:
    'IMDS_ENDPOINT must be an http URL on a loopback address, as the Arc agent sets it (http://localhost:40342). Correct or unset it; imds-check used the default endpoint.',
};

const SIGNAL_TEXT: Readonly<Record<ModeSignal, string>> = {
  requested: 'requested by the mode input',
  'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
  'himds-agent-installed': 'the Azure Connected Machine agent (himds) is installed',
  'default-vm': 'no Arc signal found',
};

function proxyFinding(
  ctx: RuntimeContext,
  hosts: readonly string[],
): { message: string; warn: boolean; hint: string } {
  const settings = proxySettings(ctx.env, ctx.agentProxy);
  if (settings.length === 0) return { message: 'No proxy is configured.', warn: false, hint: '' };
  const noProxy = noProxyValue(ctx.env);
  const envMissing = hosts.filter((h) => !noProxyCovers(noProxy, h));
  const envProxies = settings.filter((s) => s.source !== 'agent proxy');
  const agentMissing = ctx.agentProxy
    ? hosts.filter((h) => !agentBypassCovers(ctx.agentProxy!.bypass ?? [], h))
    : [];
  const names = settings.map((s) => s.source).join(', ');
  const nodeEnvProxy =
    ctx.env['NODE_USE_ENV_PROXY'] === '1' ? ' NODE_USE_ENV_PROXY=1 is set, so Node programs use it too.' : '';
  const problems: string[] = [];
  const fixes: string[] = [];
  if (envProxies.length > 0 && envMissing.length > 0) {
    problems.push(`NO_PROXY does not cover ${envMissing.join(', ')}`);
    const fixed = [noProxy, ...envMissing].filter((v) => v !== '').join(',');
    fixes.push(`Set NO_PROXY=${fixed} (and no_proxy the same) for the runner and the Azure Monitor Agent.`);
  }
  if (agentMissing.length > 0) {
    problems.push(`the agent proxy bypass list does not cover ${agentMissing.join(', ')}`);
    fixes.push(
      `Add ${agentMissing.map((h) => h.replace(/\./g, '\\.')).join(' and ')} to the agent's .proxybypass file.`,
    );
  }
  const base = `Proxy configured (${names}); imds-check contacted IMDS directly.${nodeEnvProxy}`;
  if (problems.length === 0)
    return { message: `${base} The bypass list covers the IMDS address.`, warn: false, hint: '' };
  return {
    message: `${base} But ${problems.join(' and ')}, so other programs would send IMDS traffic to the proxy.`,
    warn: true,
    hint: fixes.join(' '),
  };
}

export const environmentCheck: CheckModule<'environment'> = {
  id: 'environment',
  title: 'Environment',
  remedies: REMEDIES,
  async run(run: Run) {
    const startedAt = run.ctx.clock.now();
    const { profile, signal, endpoint, endpointFromInput, endpointProblem, container } = run.target;
    const proxy = proxyFinding(run.ctx, profile.bypassHosts);
    const parts = [
      `Mode ${profile.mode} (${SIGNAL_TEXT[signal]}); endpoint ${endpoint.base}${endpointFromInput ? ' (endpoint input)' : ''}.`,
      proxy.message,
    ];
    if (container) parts.push(`Running in a container (${container}).`);
    let end: Verdict;
    if (endpointProblem) {
      end = { status: 'fail', code: 'arc_endpoint_invalid', message: [...parts, endpointProblem].join(' ') };
    } else if (proxy.warn) {
      end = { status: 'warn', code: 'proxy_without_imds_bypass', message: parts.join(' '), hint: proxy.hint };
    } else {
      end = { status: 'pass', code: 'ok', message: parts.join(' ') };
    }
    return { check: finish(run, environmentCheck, startedAt, end) };
  },
};
