// Where AMA's traffic goes: directly, or through the proxy AMA will be told about (ama-proxy), or the
// environment's HTTPS_PROXY as AMA ≥ 1.24.2 reads it (NO_PROXY honoured). Only AMA traffic: IMDS never takes
// this path. Proxy credentials are secrets: registered before use and never part of a message.
import { noProxyCovers, noProxyValue } from '../no-proxy.js';
import type { AmaProxy, RuntimeContext } from '../types.js';

export interface ProxyRoute {
  /** `http://host:port`, never with credentials. */
  display: string;
  host: string;
  port: number;
  /** The Proxy-Authorization value, or null without credentials. */
  authorization: string | null;
  /** `ama-proxy`, `https_proxy` or `HTTPS_PROXY`. */
  source: string;
}

export type ProxyPlan =
  | { kind: 'direct' }
  | { kind: 'proxy'; route: ProxyRoute; noProxy: string }
  | { kind: 'invalid'; source: string; reason: string };

function route(url: URL, username: string, password: string, source: string): ProxyRoute {
  const port = url.port === '' ? 80 : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const credentials = username !== '' || password !== '' ? `${username}:${password}` : '';
  return {
    display: `http://${url.host}`,
    host,
    port,
    authorization: credentials ? `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` : null,
    source,
  };
}

/** The plan for a run; secrets (password, the Basic value) are registered here, before any connection. */
export function planProxy(
  amaProxy: AmaProxy,
  ctx: Pick<RuntimeContext, 'env' | 'registerSecret'>,
): ProxyPlan {
  if (amaProxy.kind === 'none') return { kind: 'direct' };
  if (amaProxy.kind === 'url') {
    const planned = route(new URL(amaProxy.url), amaProxy.username, amaProxy.password, 'ama-proxy');
    if (amaProxy.password !== '') ctx.registerSecret(amaProxy.password);
    if (planned.authorization) ctx.registerSecret(planned.authorization.slice('Basic '.length));
    return { kind: 'proxy', route: planned, noProxy: '' };
  }
  // curl's order: the lower-case name first.
  const source = ['https_proxy', 'HTTPS_PROXY'].find((name) => (ctx.env[name] ?? '').trim() !== '');
  if (!source) return { kind: 'direct' };
  const value = (ctx.env[source] ?? '').trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { kind: 'invalid', source, reason: `${source} is not a URL` };
  }
  const password = decodeURIComponent(url.password);
  if (password !== '') ctx.registerSecret(password);
  if (url.protocol !== 'http:')
    return {
      kind: 'invalid',
      source,
      reason: `${source} uses ${url.protocol.replace(':', '')}; AMA supports http:// proxies`,
    };
  const planned = route(url, decodeURIComponent(url.username), password, source);
  if (planned.authorization) ctx.registerSecret(planned.authorization.slice('Basic '.length));
  return { kind: 'proxy', route: planned, noProxy: noProxyValue(ctx.env) };
}

/** The proxy for one host, or null when it goes direct (NO_PROXY applies to the environment's proxy only). */
export function proxyFor(plan: ProxyPlan, host: string): ProxyRoute | null {
  if (plan.kind !== 'proxy') return null;
  return plan.noProxy !== '' && noProxyCovers(plan.noProxy, host) ? null : plan.route;
}
