// Where AMA's traffic goes: directly, or through the proxy AMA will be told about (ama-proxy), or the
// environment's HTTPS_PROXY as AMA ≥ 1.24.2 reads it (NO_PROXY honoured). Only AMA traffic: IMDS never takes
// this path. Proxy credentials are secrets: masked before use and never part of a message.
import { noProxyCovers, noProxyValue } from '../../proxy/no-proxy.js';
import { parseProxy, type ProxyRoute } from '../../proxy/route.js';
import type { RuntimeContext } from '../../context.js';
import type { ProbeOptions } from '../../types.js';

export type Routing =
  | { kind: 'direct' }
  | { kind: 'proxy'; route: ProxyRoute; noProxy: string }
  | { kind: 'invalid'; source: string; reason: string };

/** The routing of a run; secrets of the environment's proxy are registered here, before any connection. */
export function planRouting(
  choice: ProbeOptions['amaProxy'],
  ctx: Pick<RuntimeContext, 'env' | 'registerSecret'>,
): Routing {
  if (choice === 'none') return { kind: 'direct' };
  // The input's secrets were returned by parsing and masked by the door.
  if (choice !== 'environment') return { kind: 'proxy', route: choice, noProxy: '' };
  // curl's order: the lower-case name first.
  const source = ['https_proxy', 'HTTPS_PROXY'].find((name) => (ctx.env[name] ?? '').trim() !== '');
  if (!source) return { kind: 'direct' };
  const parsed = parseProxy((ctx.env[source] ?? '').trim(), source, false);
  for (const secret of parsed.secrets) ctx.registerSecret(secret);
  if (!parsed.ok) return { kind: 'invalid', source, reason: parsed.problem };
  return { kind: 'proxy', route: parsed.route, noProxy: noProxyValue(ctx.env) };
}

/** The proxy for one host, or null when it goes direct (NO_PROXY applies to the environment's proxy only). */
export function proxyFor(plan: Routing, host: string): ProxyRoute | null {
  if (plan.kind !== 'proxy') return null;
  return plan.noProxy !== '' && noProxyCovers(plan.noProxy, host) ? null : plan.route;
}
