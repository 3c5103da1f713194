// Proxy settings that would catch IMDS traffic of other programs (AMA included), and whether NO_PROXY or the
// agent's bypass list exempts the IMDS host. imds-check itself never uses a proxy.
import net from 'node:net';
import type { ProxySetting } from '../context.js';
import { withoutUserInfo } from '../imds/endpoint.js';

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY'];

/** The proxies configured for other programs: the environment's variables in either case, and the agent's. */
export function proxySettings(
  env: Readonly<Record<string, string | undefined>>,
  agentProxy: ProxySetting | null,
): ProxySetting[] {
  const found: ProxySetting[] = [];
  for (const name of PROXY_VARIABLES) {
    for (const variant of [name, name.toLowerCase()]) {
      const value = env[variant]?.trim();
      if (value) found.push({ source: variant, url: withoutUserInfo(value) });
    }
  }
  if (agentProxy && agentProxy.url.trim() !== '') found.push(agentProxy);
  return found;
}

/** NO_PROXY / no_proxy merged, as most tools read either. */
export function noProxyValue(env: Readonly<Record<string, string | undefined>>): string {
  const entries = [env['NO_PROXY'], env['no_proxy']]
    .flatMap((v) => (v ?? '').split(','))
    .map((e) => e.trim());
  return [...new Set(entries.filter((e) => e !== ''))].join(',');
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

function cidrCovers(cidr: string, host: string): boolean {
  const [range, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!range || !net.isIPv4(range) || !net.isIPv4(host) || !Number.isInteger(bits) || bits < 0 || bits > 32)
    return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4ToInt(range) & mask) === (ipv4ToInt(host) & mask);
}

/** Exact host, leading-dot (or *.) suffix, `*`, and IPv4 CIDR; ports in entries are ignored. */
export function noProxyCovers(noProxy: string, host: string): boolean {
  const target = host.toLowerCase();
  return noProxy
    .split(/[,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '')
    .some((entry) => {
      if (entry === '*') return true;
      if (entry.includes('/')) return cidrCovers(entry, target);
      const bare = entry.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/^([^:]+):\d+$/, '$1');
      if (bare.startsWith('*.')) return target.endsWith(bare.slice(1));
      if (bare.startsWith('.')) return target.endsWith(bare) || target === bare.slice(1);
      return bare === target;
    });
}

/** Azure DevOps bypass entries are regular expressions matched against the host. */
export function agentBypassCovers(bypass: string[], host: string): boolean {
  return bypass.some((pattern) => {
    try {
      return new RegExp(pattern, 'i').test(host);
    } catch {
      return pattern.toLowerCase() === host.toLowerCase();
    }
  });
}
