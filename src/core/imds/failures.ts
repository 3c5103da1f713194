// Every way a request can fail without an HTTP answer, in one table: its code, the socket word outputs use, how it
// is described, whether a retry is worth it and whether anything answered at all; and the fixes for these codes
// and for answers that did not come from IMDS. Shared by every check that talks to IMDS or Azure Monitor.
import type { Outcome, Remedy, RemedyContext, SocketWord } from '../types.js';

interface FailureFacts {
  /** The word status outputs carry; null when a status line had arrived (a body too large reports that). */
  word: SocketWord | null;
  description: string;
  /** Retried after the connection was proven (a transient hiccup, not a diagnosis). */
  retried: boolean;
}

const FAILURES = {
  connect_timeout: {
    word: 'timeout',
    description: 'the connection attempt timed out (packets dropped)',
    retried: true,
  },
  connection_refused: { word: 'refused', description: 'the connection was refused', retried: false },
  network_unreachable: {
    word: 'unreachable',
    description: 'the network is unreachable (no route)',
    retried: false,
  },
  connection_reset: { word: 'reset', description: 'the connection was reset', retried: true },
  no_response: {
    word: 'no-response',
    description: 'the connection was accepted but nothing answered',
    retried: true,
  },
  body_timeout: {
    word: 'no-response',
    description: 'the answer started but its body never finished',
    retried: true,
  },
  body_too_large: { word: null, description: 'the answer was larger than 1 MiB', retried: false },
  protocol_error: { word: 'no-response', description: 'the answer was not valid HTTP', retried: false },
} as const satisfies Record<string, FailureFacts>;

export type TransportFailure = keyof typeof FAILURES;

/** Codes of answers that came back but not from IMDS (imds/recognise.ts decides). */
export type NotImdsCode =
  'not_imds_html' | 'not_imds_proxy' | 'not_imds_container_runtime' | 'not_imds_answer';

declare module '../types.js' {
  interface CodeOwners {
    transport: TransportFailure | NotImdsCode;
  }
}

export interface Failure {
  failure: TransportFailure;
  /** errno or Node error code when there was one (ECONNREFUSED, HPE_INVALID_CONSTANT, ...). */
  errno: string;
  /** Set for body failures: the status line had arrived. */
  status: number | null;
}

export const isRetriedFailure = (failure: TransportFailure): boolean => FAILURES[failure].retried;

/** Nothing usable came back: every failure but a body too large, which had a status line. */
export const isNoAnswer = (failure: string): boolean =>
  Object.hasOwn(FAILURES, failure) && FAILURES[failure as TransportFailure].word !== null;

export function failureOutcome(f: Pick<Failure, 'failure' | 'status'>): Outcome {
  return FAILURES[f.failure].word ?? (f.status === null ? 'no-response' : `${f.status}`);
}

export function describeFailure(f: Pick<Failure, 'failure' | 'errno'>): string {
  const errno = f.errno && f.errno !== 'ETIMEDOUT' && f.errno !== 'EFBIG' ? ` (${f.errno})` : '';
  return `${FAILURES[f.failure].description}${errno}`;
}

const REFUSED = new Set(['ECONNREFUSED']);
const UNREACHABLE = new Set([
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENONET',
  'EHOSTDOWN',
]);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** Maps a socket error (before or after the connection was up) to a transport failure. */
export function classifySocketError(errno: string, phase: 'connect' | 'headers' | 'body'): TransportFailure {
  if (REFUSED.has(errno)) return 'connection_refused';
  if (UNREACHABLE.has(errno)) return 'network_unreachable';
  if (errno === 'ETIMEDOUT') return phase === 'connect' ? 'connect_timeout' : 'no_response';
  if (errno.startsWith('HPE_')) return 'protocol_error';
  if (RESET.has(errno) || errno === 'ERR_STREAM_PREMATURE_CLOSE') return 'connection_reset';
  return phase === 'connect' ? 'network_unreachable' : 'connection_reset';
}

// The fixes name the endpoint the run used: the route, NSG and AKS advice only for IMDS's own address; an endpoint
// given as input (an emulator on loopback, another host) gets advice about that address.
const correctEndpoint = (ctx: RemedyContext): string => `correct ${ctx.spell.name('endpoint')}`;

function blocked(ctx: RemedyContext): string {
  const { address, host, port, kind } = ctx.endpoint;
  if (kind === 'imds')
    return (
      `Check that nothing blocks ${address}: an OS firewall or iptables rule, a missing route for ${host}/32 ` +
      `via the primary NIC (\`ip route get ${host}\`), or AKS --enable-imds-restriction for pods without hostNetwork.`
    );
  if (kind === 'loopback')
    return `Check that no firewall rule (iptables, nftables) drops loopback traffic to port ${port}, or ${correctEndpoint(ctx)}.`;
  return (
    `Check that nothing on the way blocks ${address} (an OS firewall or iptables rule, a network firewall or NSG) ` +
    `and that a route leads there (\`ip route get ${host}\`), or ${correctEndpoint(ctx)}.`
  );
}

function refused(ctx: RemedyContext): string {
  const { address, port, kind } = ctx.endpoint;
  if (kind === 'imds')
    return `The connection to IMDS was refused locally. ${blocked(ctx)} Inside a container on an Arc host, IMDS is not available.`;
  if (kind === 'loopback')
    return `Nothing listens on ${address}. Start what should answer there (the emulator: \`imds-check emulate --port ${port}\`), or ${correctEndpoint(ctx)}.`;
  return `The connection to ${address} was refused: nothing listens there, or a firewall rejects it. Check the service at that address, or ${correctEndpoint(ctx)}.`;
}

function unreachable(ctx: RemedyContext): string {
  const { host, kind } = ctx.endpoint;
  if (kind === 'imds')
    return `There is no route to ${host}. Add a route for ${host}/32 via the primary NIC (DHCP restores it), or run on an Azure VM.`;
  if (kind === 'loopback')
    return 'The loopback address is unreachable; check the network configuration of this host or container.';
  return `There is no route to ${host}. Check the routes of this machine (\`ip route get ${host}\`), or ${correctEndpoint(ctx)}.`;
}

/** The hosts NO_PROXY must hold: the mode's usual ones, or the host the endpoint input names. */
const bypassHosts = (ctx: RemedyContext): readonly string[] =>
  ctx.profile.bypassHosts.includes(ctx.endpoint.host) ? ctx.profile.bypassHosts : [ctx.endpoint.host];

function proxyAnswered(ctx: RemedyContext): string {
  const hosts = bypassHosts(ctx);
  return `A proxy answered instead of ${ctx.profile.service}. Set NO_PROXY to include ${hosts.join(',')} and add ${hosts.length > 1 ? 'them' : 'it'} to the proxy bypass list of the agent.`;
}

export const notImds = (ctx: RemedyContext): string =>
  `Something other than ${ctx.profile.service} answered. Make sure its traffic is not sent through a proxy ` +
  `(add ${bypassHosts(ctx).join(',')} to NO_PROXY and the proxy bypass list) ` +
  'and that no local service or container runtime intercepts the address.';

/** The fixes on a VM, naming the endpoint the run used; modes/arc.ts overrides those that differ on Arc. */
export const TRANSPORT_REMEDIES: Readonly<Record<TransportFailure | NotImdsCode, Remedy>> = {
  connect_timeout: (ctx) =>
    `Packets to ${ctx.endpoint.kind === 'imds' ? 'IMDS' : ctx.endpoint.address} are dropped. ${blocked(ctx)}`,
  connection_refused: refused,
  network_unreachable: unreachable,
  connection_reset: (ctx) =>
    `The connection was reset. A firewall or a security agent probably rejects it; allow TCP to ${ctx.endpoint.address}.`,
  no_response: (ctx) =>
    `Something accepted the connection but never answered. Look for a proxy, a transparent interceptor or a hung service on ${ctx.endpoint.address}.`,
  body_timeout: (ctx) =>
    `The answer started but its body never finished. Look for an interceptor or a hung service on ${ctx.endpoint.address}.`,
  body_too_large: (ctx) => 'The answer was larger than 1 MiB, which IMDS never sends. ' + notImds(ctx),
  protocol_error: (ctx) => 'The answer was not valid HTTP. ' + notImds(ctx),
  not_imds_html: (ctx) => 'An HTML page came back. ' + notImds(ctx),
  not_imds_proxy: proxyAnswered,
  not_imds_container_runtime:
    'A container runtime answered that the network is unreachable: the job is running somewhere without IMDS (for example Docker Desktop). Run it on an Azure VM or Arc server.',
  not_imds_answer: (ctx) => 'The answer does not look like IMDS. ' + notImds(ctx),
};
