// TCP 443 through an HTTP proxy: connect to the proxy, send CONNECT host:443, read the proxy's answer head.
// 200 hands back the socket as the tunnel; 407 is proxy authentication (its own code); anything else is the
// proxy refusing. Nothing the proxy sends reaches a message except its status and the auth scheme's name.
import type net from 'node:net';
import { MAX_PROXY_HEAD_BYTES, type AmaBounds } from './bounds.js';
import { openSocket } from '../../imds/connect.js';
import { describeFailure } from '../../imds/failures.js';
import type { ProxyRoute } from '../../proxy/route.js';
import type { HostConnection } from './direct.js';

interface Head {
  status: number | null;
  schemes: string[];
  /** Bytes after the head (a well-behaved proxy sends none before the client speaks). */
  rest: Buffer;
  timedOut: boolean;
}

function readHead(socket: net.Socket, timeoutMs: number): Promise<Head> {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    const done = (head: Head): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onEnd);
      socket.off('end', onEnd);
      socket.pause();
      resolve(head);
    };
    const none = (timedOut: boolean): Head => ({
      status: null,
      schemes: [],
      rest: Buffer.alloc(0),
      timedOut,
    });
    const onEnd = (): void => done(none(false));
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffer.length > MAX_PROXY_HEAD_BYTES) done(none(false));
        return;
      }
      const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(lines[0] ?? '');
      // Only the scheme's name (a token) is kept: a realm or parameters are the proxy's text.
      const schemes = lines
        .filter((l) => /^proxy-authenticate:/i.test(l))
        .map((l) => /^proxy-authenticate:\s*([A-Za-z][A-Za-z0-9-]{0,30})/i.exec(l)?.[1] ?? '')
        .filter((s) => s !== '');
      done({
        status: status ? Number(status[1]) : null,
        schemes,
        rest: buffer.subarray(end + 4),
        timedOut: false,
      });
    };
    const timer = setTimeout(() => done(none(true)), Math.max(0, timeoutMs));
    socket.on('data', onData);
    socket.once('error', onEnd);
    socket.once('end', onEnd);
  });
}

export async function openTunnel(
  proxy: ProxyRoute,
  host: string,
  port: number,
  bounds: AmaBounds,
  cap: (ms: number) => number,
  lookup?: (timeoutMs: number) => net.LookupFunction,
): Promise<HostConnection> {
  // A proxy given by name resolves through the run's bounded resolver, within the connect bound.
  const bound = cap(bounds.connectMs);
  const tcp = await openSocket(proxy.host, proxy.port, bound, lookup?.(bound));
  if (!tcp.ok) {
    return {
      ok: false,
      code: 'ama_proxy_connect_failed',
      reason: `cannot connect to the proxy ${proxy.display}: ${describeFailure(tcp)}`,
      timedOut: tcp.failure === 'connect_timeout',
    };
  }
  const socket = tcp.socket;
  const auth = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
  socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
  const head = await readHead(socket, cap(bounds.headersMs));
  if (head.status === 200) {
    if (head.rest.length > 0) socket.unshift(head.rest);
    return { ok: true, socket, address: proxy.display };
  }
  socket.destroy();
  if (head.status === 407) {
    const scheme = head.schemes.length > 0 ? `, scheme ${head.schemes.join('/')}` : '';
    const sent = proxy.authorization
      ? 'the credentials of the proxy setting were rejected'
      : 'the proxy setting has no credentials';
    return {
      ok: false,
      code: 'ama_proxy_auth_required',
      reason: `the proxy ${proxy.display} requires proxy authentication (HTTP 407${scheme}): ${sent}`,
      timedOut: false,
    };
  }
  if (head.status === null) {
    const what = head.timedOut ? 'did not answer CONNECT in time' : 'did not answer CONNECT with HTTP';
    return {
      ok: false,
      code: 'ama_proxy_connect_failed',
      reason: `the proxy ${proxy.display} ${what}`,
      timedOut: head.timedOut,
    };
  }
  return {
    ok: false,
    code: 'ama_proxy_refused',
    reason: `the proxy ${proxy.display} refused CONNECT ${host}:${port} (HTTP ${head.status})`,
    timedOut: false,
  };
}
