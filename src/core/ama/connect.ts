// TCP to port 443 of a host, directly: each resolved address in order; refused and unreachable addresses move
// on at once, a dropped one (timeout) is tried at most `connectAttempts` times in all, so a dropped host is
// reported within two connect bounds.
import net from 'node:net';
import type { Code } from '../codes.js';
import { classifySocketError } from '../http.js';
import { describeFailure } from '../transport.js';
import { MAX_ADDRESSES, type AmaBounds } from './bounds.js';

export type Opened =
  | { ok: true; socket: net.Socket; address: string }
  | { ok: false; code: Code; reason: string; timedOut: boolean };

export type TcpResult = { ok: true; socket: net.Socket } | { ok: false; errno: string; timedOut: boolean };

/** One TCP connect with a bound; the caller owns the socket on success. */
export function tcpOpen(host: string, port: number, timeoutMs: number): Promise<TcpResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(
      () => {
        socket.destroy();
        resolve({ ok: false, errno: 'ETIMEDOUT', timedOut: true });
      },
      Math.max(0, timeoutMs),
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      // Later steps listen for what matters to them; a late error must not become an uncaught exception.
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      resolve({ ok: true, socket });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, errno: err.code ?? 'EUNKNOWN', timedOut: false });
    });
  });
}

export function describeTcp(errno: string, timedOut: boolean): string {
  const failure = timedOut ? 'connect_timeout' : classifySocketError(errno, 'connect');
  return describeFailure({ failure, errno });
}

export async function openDirect(
  addresses: readonly string[],
  port: number,
  bounds: AmaBounds,
  cap: (ms: number) => number,
): Promise<Opened> {
  const order = addresses.slice(0, MAX_ADDRESSES);
  // One address alone gets a second chance when dropped, as the IMDS connect does.
  if (order.length === 1) order.push(order[0]!);
  let timeouts = 0;
  let last: Opened = {
    ok: false,
    code: 'ama_connect_failed',
    reason: 'no address to connect to',
    timedOut: false,
  };
  for (const address of order) {
    if (timeouts >= bounds.connectAttempts || cap(bounds.connectMs) <= 0) break;
    const result = await tcpOpen(address, port, cap(bounds.connectMs));
    if (result.ok) return { ok: true, socket: result.socket, address };
    if (result.timedOut) timeouts += 1;
    last = {
      ok: false,
      code: result.timedOut ? 'ama_connect_timeout' : 'ama_connect_failed',
      reason: `TCP ${port} to ${address}: ${describeTcp(result.errno, result.timedOut)}`,
      timedOut: result.timedOut,
    };
    // A refused or unreachable single address will not change on a second try.
    if (!result.timedOut && order.length === 2 && order[0] === order[1]) break;
  }
  return last;
}
