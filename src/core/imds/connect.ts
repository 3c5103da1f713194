// The one TCP connect primitive, for the reachability check and Azure Monitor's hosts alike: a bound per attempt,
// and a failure told apart as dropped (timeout), refused or unreachable before any HTTP is spoken.
import net from 'node:net';
import { classifySocketError, type TransportFailure } from './failures.js';

export type Opened =
  | { ok: true; socket: net.Socket; host: string; elapsedMs: number }
  | { ok: false; failure: TransportFailure; errno: string; elapsedMs: number };

/**
 * One TCP connect with a bound; on success the caller owns the socket. `lookup` resolves a host given by name
 * (the run's bounded resolver: see lookup.ts); an IP address never reaches it.
 */
export function openSocket(
  host: string,
  port: number,
  timeoutMs: number,
  lookup?: net.LookupFunction,
): Promise<Opened> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, ...(lookup ? { lookup } : {}) });
    const timer = setTimeout(
      () => {
        socket.destroy();
        resolve({
          ok: false,
          failure: 'connect_timeout',
          errno: 'ETIMEDOUT',
          elapsedMs: Date.now() - started,
        });
      },
      Math.max(0, timeoutMs),
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      // Later steps listen for what matters to them; a late error must not become an uncaught exception.
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      resolve({ ok: true, socket, host, elapsedMs: Date.now() - started });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      const errno = err.code ?? 'EUNKNOWN';
      resolve({
        ok: false,
        failure: classifySocketError(errno, 'connect'),
        errno,
        elapsedMs: Date.now() - started,
      });
    });
  });
}

/** A connect that only proves the path: each host in order, moving on only when one is refused or unreachable. */
export async function tcpConnect(
  hosts: string[],
  port: number,
  timeoutMs: number,
  lookup?: net.LookupFunction,
): Promise<Opened> {
  let last: Opened = { ok: false, failure: 'network_unreachable', errno: 'ENOHOST', elapsedMs: 0 };
  for (const host of hosts) {
    last = await openSocket(host, port, timeoutMs, lookup);
    if (last.ok) last.socket.destroy();
    if (last.ok || (last.failure !== 'connection_refused' && last.failure !== 'network_unreachable'))
      return last;
  }
  return last;
}
