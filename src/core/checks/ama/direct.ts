// TCP to port 443 of a host, directly: each resolved address in order; refused and unreachable addresses move
// on at once, a dropped one (timeout) is tried at most `connectAttempts` times in all, so a dropped host is
// reported within two connect bounds.
import type net from 'node:net';
import type { Code } from '../../types.js';
import { openSocket } from '../../imds/connect.js';
import { describeFailure } from '../../imds/failures.js';
import { MAX_ADDRESSES, type AmaBounds } from './bounds.js';

/** A connection to a host's 443, direct or through a tunnel; on failure the host's code and why. */
export type HostConnection =
  | { ok: true; socket: net.Socket; address: string }
  | { ok: false; code: Code; reason: string; timedOut: boolean };

export async function openDirect(
  addresses: readonly string[],
  port: number,
  bounds: AmaBounds,
  cap: (ms: number) => number,
): Promise<HostConnection> {
  const order = addresses.slice(0, MAX_ADDRESSES);
  // One address alone gets a second chance when dropped, as the IMDS connect does.
  if (order.length === 1) order.push(order[0]!);
  let timeouts = 0;
  let last: HostConnection = {
    ok: false,
    code: 'ama_connect_failed',
    reason: 'no address to connect to',
    timedOut: false,
  };
  for (const address of order) {
    if (timeouts >= bounds.connectAttempts || cap(bounds.connectMs) <= 0) break;
    const result = await openSocket(address, port, cap(bounds.connectMs));
    if (result.ok) return { ok: true, socket: result.socket, address };
    const timedOut = result.failure === 'connect_timeout';
    if (timedOut) timeouts += 1;
    last = {
      ok: false,
      code: timedOut ? 'ama_connect_timeout' : 'ama_connect_failed',
      reason: `TCP ${port} to ${address}: ${describeFailure(result)}`,
      timedOut,
    };
    // A refused or unreachable single address will not change on a second try.
    if (!timedOut && order.length === 2 && order[0] === order[1]) break;
  }
  return last;
}
