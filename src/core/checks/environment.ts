// The environment check: which mode (VM or Arc) and why, which endpoint, and whether a proxy setting would
// catch IMDS traffic of other programs. It sends nothing over the network.
import { HIMDS_BASE, IMDS_BASE, IMDS_HOST } from '../endpoints.js';
import { agentBypassCovers, noProxyCovers, noProxyValue, proxySettings } from '../no-proxy.js';
import { validateBaseUrl } from '../options.js';
import { finishCheck, isLoopbackAddress, type CheckEnd } from '../probe-context.js';
import type { CheckResult, Mode, ModeSignal, ProbeOptions, RuntimeContext } from '../types.js';

export interface EnvironmentFindings {
  mode: Mode;
  signal: ModeSignal;
  base: string;
  check: CheckResult;
}

const SIGNAL_TEXT: Readonly<Record<ModeSignal, string>> = {
  requested: 'requested by the mode input',
  'identity-endpoint-env': 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set',
  'himds-agent-installed': 'the Azure Connected Machine agent (himds) is installed',
  'default-vm': 'no Arc signal found',
};

async function anyExists(ctx: RuntimeContext, paths: string[]): Promise<string | null> {
  for (const p of paths) if (await ctx.fs.exists(p)) return p;
  return null;
}

async function resolveMode(
  options: ProbeOptions,
  ctx: RuntimeContext,
): Promise<{ mode: Mode; signal: ModeSignal }> {
  if (options.mode !== 'auto') return { mode: options.mode, signal: 'requested' };
  if (ctx.env['IDENTITY_ENDPOINT'] && ctx.env['IMDS_ENDPOINT'])
    return { mode: 'arc', signal: 'identity-endpoint-env' };
  if (await anyExists(ctx, ctx.arcAgentMarkers)) return { mode: 'arc', signal: 'himds-agent-installed' };
  return { mode: 'vm', signal: 'default-vm' };
}

/** Arc endpoint from IMDS_ENDPOINT when it is a plain http loopback URL; otherwise the default, with a reason. */
function arcEndpoint(ctx: RuntimeContext): { base: string; problem: string | null } {
  const raw = ctx.env['IMDS_ENDPOINT']?.trim();
  if (!raw) return { base: HIMDS_BASE, problem: null };
  const base = validateBaseUrl(raw);
  if (base === null || !isLoopbackAddress(new URL(base).hostname)) {
    return {
      base: HIMDS_BASE,
      problem: `IMDS_ENDPOINT='${raw}' is not an http URL on a loopback address; used ${HIMDS_BASE} instead.`,
    };
  }
  return { base, problem: null };
}

function proxyFinding(ctx: RuntimeContext, mode: Mode): { message: string; warn: boolean; hint: string } {
  const settings = proxySettings(ctx.env, ctx.agentProxy);
  if (settings.length === 0) return { message: 'No proxy is configured.', warn: false, hint: '' };
  const hosts = mode === 'arc' ? ['localhost', '127.0.0.1'] : [IMDS_HOST];
  const noProxy = noProxyValue(ctx.env);
  const envMissing = hosts.filter((h) => !noProxyCovers(noProxy, h));
  const envProxies = settings.filter((s) => s.source !== 'agent proxy');
  const agentMissing = ctx.agentProxy
    ? hosts.filter((h) => !agentBypassCovers(ctx.agentProxy!.bypass, h))
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

export async function environmentCheck(
  options: ProbeOptions,
  ctx: RuntimeContext,
): Promise<EnvironmentFindings> {
  const startedAt = ctx.clock.now();
  const { mode, signal } = await resolveMode(options, ctx);
  let base = options.endpoint;
  let endpointProblem: string | null = null;
  if (base === '') {
    if (mode === 'arc') ({ base, problem: endpointProblem } = arcEndpoint(ctx));
    else base = IMDS_BASE;
  }
  const inContainer = await anyExists(ctx, ctx.containerMarkers);
  const proxy = proxyFinding(ctx, mode);
  const parts = [
    `Mode ${mode} (${SIGNAL_TEXT[signal]}); endpoint ${base}${options.endpoint ? ' (endpoint input)' : ''}.`,
    proxy.message,
  ];
  if (inContainer) parts.push(`Running in a container (${inContainer}).`);
  let end: CheckEnd;
  if (endpointProblem) {
    end = { status: 'fail', code: 'arc_endpoint_invalid', message: [...parts, endpointProblem].join(' ') };
  } else if (proxy.warn) {
    end = { status: 'warn', code: 'proxy_without_imds_bypass', message: parts.join(' '), hint: proxy.hint };
  } else if (inContainer && mode === 'arc' && options.endpoint === '') {
    end = { status: 'warn', code: 'arc_in_container', message: parts.join(' ') };
  } else {
    end = { status: 'pass', code: 'ok', message: parts.join(' ') };
  }
  const check = finishCheck({ mode, ctx }, 'environment', startedAt, end);
  return { mode, signal, base, check };
}
