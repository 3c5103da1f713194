// One GET over node:http with an explicit agent (never a proxy, never the global agent), separate bounds for
// connect, time to first byte and body, and a body cap. It never throws: every end is a value the checks classify.

import http from 'node:http';

export type TransportFailure =
  | 'connect_timeout'
  | 'connection_refused'
  | 'network_unreachable'
  | 'connection_reset'
  | 'no_response'
  | 'body_timeout'
  | 'body_too_large'
  | 'protocol_error';

export interface HttpAnswer {
  kind: 'answer';
  status: number;
  /** Lower-cased names; repeated headers keep every value. */
  headers: Record<string, string[]>;
  body: string;
  elapsedMs: number;
}

export interface HttpFailure {
  kind: 'failure';
  failure: TransportFailure;
  /** errno or Node error code when there was one (ECONNREFUSED, HPE_INVALID_CONSTANT, ...). */
  errno: string;
  /** Set for body failures: the status line had arrived. */
  status: number | null;
  elapsedMs: number;
}

export type HttpResult = HttpAnswer | HttpFailure;

export interface GetRequest {
  /** Where to connect, in order (e.g. 127.0.0.1 then ::1 for localhost); the Host header keeps `hostHeader`. */
  connectHosts: string[];
  port: number;
  hostHeader: string;
  path: string;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  /** What is left of the whole run: every phase timer is also capped by it. */
  remainingMs: number;
  bodyTimeoutMs: number;
  maxBodyBytes: number;
  agent: http.Agent;
}

export const MAX_BODY_BYTES = 1024 * 1024;

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

/** Failures worth trying the next address for (e.g. HIMDS listening on ::1 only). */
const TRY_NEXT_HOST = new Set<TransportFailure>(['connection_refused', 'network_unreachable']);

export async function httpGet(request: GetRequest): Promise<HttpResult> {
  let last: HttpResult | null = null;
  for (const host of request.connectHosts) {
    last = await getOnce(request, host);
    if (last.kind === 'answer' || !TRY_NEXT_HOST.has(last.failure)) return last;
  }
  return (
    last ?? { kind: 'failure', failure: 'network_unreachable', errno: 'ENOHOST', status: null, elapsedMs: 0 }
  );
}

function getOnce(request: GetRequest, host: string): Promise<HttpResult> {
  const started = Date.now();
  return new Promise<HttpResult>((resolve) => {
    let settled = false;
    let phase: 'connect' | 'headers' | 'body' = 'connect';
    let status: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const finish = (result: HttpResult): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(result);
    };
    const fail = (failure: TransportFailure, errno: string): void => {
      finish({ kind: 'failure', failure, errno, status, elapsedMs: Date.now() - started });
      req.destroy();
    };
    // Each phase gets its own bound, but never past what was left of the run when the request started.
    const until = started + request.remainingMs;
    const arm = (ms: number, onExpire: () => void): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onExpire, Math.max(0, Math.min(ms, until - Date.now())));
    };

    const req = http.request({
      host,
      port: request.port,
      path: request.path,
      method: 'GET',
      agent: request.agent,
      setHost: false,
      headers: { Host: request.hostHeader, ...request.headers },
    });

    const onConnected = (): void => {
      phase = 'headers';
      arm(request.headersTimeoutMs, () => fail('no_response', 'ETIMEDOUT'));
    };
    arm(request.connectTimeoutMs, () => fail('connect_timeout', 'ETIMEDOUT'));
    req.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', onConnected);
      else onConnected();
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const errno = err.code ?? 'EUNKNOWN';
      fail(classifySocketError(errno, phase), errno);
    });
    req.on('response', (res) => {
      phase = 'body';
      status = res.statusCode ?? 0;
      arm(request.bodyTimeoutMs, () => fail('body_timeout', 'ETIMEDOUT'));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          fail('body_too_large', 'EFBIG');
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) =>
        fail(classifySocketError(err.code ?? 'ECONNRESET', 'body'), err.code ?? 'ECONNRESET'),
      );
      res.on('aborted', () => fail('connection_reset', 'ECONNRESET'));
      res.on('end', () => {
        if (!res.complete) {
          fail('connection_reset', 'ECONNRESET');
          return;
        }
        finish({
          kind: 'answer',
          status: status ?? 0,
          headers: collectHeaders(res.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
          elapsedMs: Date.now() - started,
        });
      });
    });
    req.end();
  });
}

function collectHeaders(raw: string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    (headers[name] ??= []).push(raw[i + 1]!);
  }
  return headers;
}

export function header(answer: HttpAnswer, name: string): string {
  return answer.headers[name.toLowerCase()]?.[0] ?? '';
}
