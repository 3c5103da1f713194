// TCP connect probe for the reachability check: tells dropped (timeout) from refused from unreachable
// before any HTTP is spoken.
import net from 'node:net';
import { classifySocketError, type TransportFailure } from './http.js';

export type ConnectResult =
  | { ok: true; host: string; elapsedMs: number }
  | { ok: false; failure: TransportFailure; errno: string; elapsedMs: number };

function connectOnce(host: string, port: number, timeoutMs: number): Promise<ConnectResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (result: ConnectResult): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        done({ ok: false, failure: 'connect_timeout', errno: 'ETIMEDOUT', elapsedMs: Date.now() - started }),
      Math.max(0, timeoutMs),
    );
    socket.once('connect', () => done({ ok: true, host, elapsedMs: Date.now() - started }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const errno = err.code ?? 'EUNKNOWN';
      done({
        ok: false,
        failure: classifySocketError(errno, 'connect'),
        errno,
        elapsedMs: Date.now() - started,
      });
    });
  });
}

/** Tries each host in order; moves on only when one is refused or unreachable. */
export async function tcpConnect(hosts: string[], port: number, timeoutMs: number): Promise<ConnectResult> {
  let last: ConnectResult = { ok: false, failure: 'network_unreachable', errno: 'ENOHOST', elapsedMs: 0 };
  for (const host of hosts) {
    last = await connectOnce(host, port, timeoutMs);
    if (last.ok || (last.failure !== 'connection_refused' && last.failure !== 'network_unreachable'))
      return last;
  }
  return last;
}
