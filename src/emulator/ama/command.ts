// `imds-check emulate` flags of the Azure Monitor side. They are split off before the IMDS emulator parses the
// rest, start their own listeners, and print their own banner and (with --log) one line per connection.
//   --ama SCENARIO[@HOST:PORT][,date=±S]  a listener (repeatable; default 127.0.0.1 on a free port); date=-600
//                                makes its Date header 10 minutes behind, so the machine's clock looks ahead
//   --ama-proxy [HOST:]PORT      the CONNECT proxy stub; tunnels go to the first listener
//   --ama-proxy-auth USER:PASS   Basic credentials the stub insists on (407 otherwise)
//   --ama-roots DIR              write the test roots (public certificates only) into DIR
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAmaPki } from './pki.js';
import { startAmaProxy, type AmaProxy } from './proxy.js';
import { AMA_SCENARIOS, amaScenario } from './scenarios.js';
import { startAmaServers, type ListenSpec } from './server.js';

export const AMA_HELP = [
  'Azure Monitor side (AMA readiness tests):',
  '  --ama SCENARIO[@HOST:PORT]   HTTPS listener answering under any Azure Monitor host name (repeatable);',
  '                               append ,date=-600 to send a Date header 600 s behind (local clock looks ahead)',
  '  --ama-proxy [HOST:]PORT      CONNECT proxy stub forwarding to the first --ama listener',
  '  --ama-proxy-auth USER:PASS   make the stub require these Basic credentials (407 otherwise)',
  '  --ama-roots DIR              write ama-test-azure-root.pem and ama-inspection-root.pem into DIR',
  `  AMA scenarios: ${AMA_SCENARIOS.map((s) => s.name).join(', ')}`,
].join('\n');

export interface AmaArgs {
  listeners: ListenSpec[];
  proxy: { host: string; port: number } | null;
  proxyAuth: { username: string; password: string } | null;
  rootsDir: string | null;
}

const FLAGS = new Set(['ama', 'ama-proxy', 'ama-proxy-auth', 'ama-roots']);

function hostPort(value: string, defaultHost: string): { host: string; port: number } | null {
  const m = /^(?:(\[[^\]]+\]|[^:@]+):)?(\d{1,5})$/.exec(value);
  if (!m) return null;
  const port = Number(m[2]);
  return port <= 65535 ? { host: (m[1] ?? defaultHost).replace(/^\[|\]$/g, ''), port } : null;
}

function apply(args: AmaArgs, name: string, value: string): string | null {
  if (name === 'ama') {
    const shifted = /^(.*),date=([+-]?\d{1,9})$/.exec(value);
    const [scenario = '', at] = (shifted ? shifted[1]! : value).split('@');
    if (!amaScenario(scenario))
      return `unknown AMA scenario '${scenario}' (${AMA_SCENARIOS.map((s) => s.name).join(', ')})`;
    const where = at === undefined ? { host: '127.0.0.1', port: 0 } : hostPort(at, '127.0.0.1');
    if (!where) return `--ama ${value}: expected SCENARIO[@HOST:PORT][,date=SECONDS]`;
    args.listeners.push({ scenario, ...where, dateOffsetSeconds: shifted ? Number(shifted[2]) : 0 });
  } else if (name === 'ama-proxy') {
    args.proxy = hostPort(value, '127.0.0.1');
    if (!args.proxy) return `--ama-proxy ${value}: expected [HOST:]PORT`;
  } else if (name === 'ama-proxy-auth') {
    const at = value.indexOf(':');
    if (at <= 0) return '--ama-proxy-auth: expected USER:PASS';
    args.proxyAuth = { username: value.slice(0, at), password: value.slice(at + 1) };
  } else args.rootsDir = value;
  return null;
}

/** The AMA flags out of argv; `ama` is null when none was given. */
export function splitAmaArgs(
  argv: readonly string[],
): { rest: string[]; ama: AmaArgs | null } | { error: string } {
  const rest: string[] = [];
  const args: AmaArgs = { listeners: [], proxy: null, proxyAuth: null, rootsDir: null };
  let seen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !FLAGS.has(m[1]!)) {
      rest.push(arg);
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { error: `--${m[1]} needs a value` };
    const problem = apply(args, m[1]!, value);
    if (problem) return { error: problem };
    seen = true;
  }
  if (seen && args.listeners.length === 0)
    return { error: '--ama-proxy, --ama-proxy-auth and --ama-roots need --ama' };
  return { rest, ama: seen ? args : null };
}

export interface AmaSide {
  lines: string[];
  close(): Promise<void>;
}

export async function startAmaSide(args: AmaArgs, log?: (line: string) => void): Promise<AmaSide> {
  const pki = createAmaPki();
  const servers = await startAmaServers(args.listeners, pki, (r) =>
    log?.(
      r.kind === 'connection'
        ? `ama connection ${r.listener}`
        : `ama request ${r.sni || '(no SNI)'} GET ${r.path} -> ${r.status ?? '-'}`,
    ),
  );
  const first = servers.listeners[0]!;
  let proxy: AmaProxy | null = null;
  try {
    if (args.proxy) {
      proxy = await startAmaProxy({
        ...args.proxy,
        ...(args.proxyAuth ? { credentials: args.proxyAuth } : {}),
        upstream: () => ({ host: first.host === '0.0.0.0' ? '127.0.0.1' : first.host, port: first.port }),
        onRecord: (r) =>
          log?.(`ama-proxy ${r.method} ${r.target} credentials=${r.credentials} -> ${r.status}`),
      });
    }
  } catch (err) {
    await servers.close();
    throw err;
  }
  const lines = servers.listeners.map(
    (l) =>
      `ama ${l.scenario} listening on https://${l.host}:${l.port}${l.dateOffsetSeconds ? ` (Date ${l.dateOffsetSeconds > 0 ? '+' : ''}${l.dateOffsetSeconds} s)` : ''}`,
  );
  if (proxy)
    lines.push(
      `ama proxy listening on ${proxy.url}${args.proxyAuth ? ' (Basic authentication required)' : ''}`,
    );
  if (args.rootsDir) {
    const azure = join(args.rootsDir, 'ama-test-azure-root.pem');
    const inspection = join(args.rootsDir, 'ama-inspection-root.pem');
    writeFileSync(azure, pki.azureRootPem, { mode: 0o644 });
    writeFileSync(inspection, pki.inspectionRootPem, { mode: 0o644 });
    lines.push(`ama roots: ${azure} (ama-trusted-roots), ${inspection} (NODE_EXTRA_CA_CERTS)`);
  }
  lines.push('ama ready');
  return {
    lines,
    close: async () => {
      await Promise.all([servers.close(), proxy?.close()]);
    },
  };
}
