// One bounded GET over node:http, for IMDS and Azure Monitor alike: never a proxy, never the global agent; separate
// bounds for connect, time to the status line and body, each capped by what is left of the run; a body cap. It
// never throws: every end is a value (an answer or a transport failure) the callers classify.
import http from 'node:http';
import type net from 'node:net';
import { classifySocketError, type Failure, type TransportFailure } from './failures.js';

export interface HttpAnswer {
  kind: 'answer';
  status: number;
  /**
   * Lower-cased names; repeated headers keep every value. A Map: header names are the server's text, and a
   * name such as `constructor` or `__proto__` must be a header like any other, never a property of a table.
   */
  headers: ReadonlyMap<string, readonly string[]>;
  body: string;
  elapsedMs: number;
}

export interface HttpFailure extends Failure {
  kind: 'failure';
  elapsedMs: number;
}

export type HttpResult = HttpAnswer | HttpFailure;

/** Where the request goes: hosts to try in order through an agent, or a socket already open (a TLS tunnel). */
export type Connection =
  | { agent: http.Agent; connectHosts: string[]; port: number }
  | { socket: net.Socket; connectHosts?: undefined };

export interface GetRequest {
  connection: Connection;
  /** The Host header (e.g. `localhost:40342` while connecting to 127.0.0.1). */
  hostHeader: string;
  path: string;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** Resolves a host given by name (never an IP address); node's own lookup when absent. */
  lookup?: net.LookupFunction;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** What is left of the whole run: every phase timer is also capped by it. */
  remainingMs: number;
  maxBodyBytes: number;
  /**
   * `whole`: the body must arrive complete within the cap (IMDS: anything else is a failure). `peek`: only its
   * start matters (Azure Monitor: Healthy, or an HTML page): what arrived by the cap, an error or the end is the answer.
   */
  body: 'whole' | 'peek';
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Failures worth trying the next address for (e.g. HIMDS listening on ::1 only). */
const TRY_NEXT_HOST = new Set<TransportFailure>(['connection_refused', 'network_unreachable']);

export async function httpGet(request: GetRequest): Promise<HttpResult> {
  const { connection } = request;
  if (!('agent' in connection)) return getOnce(request, null);
  let last: HttpResult | null = null;
  for (const host of connection.connectHosts) {
    last = await getOnce(request, host);
    if (last.kind === 'answer' || !TRY_NEXT_HOST.has(last.failure)) return last;
  }
  return (
    last ?? { kind: 'failure', failure: 'network_unreachable', errno: 'ENOHOST', status: null, elapsedMs: 0 }
  );
}

function getOnce(request: GetRequest, host: string | null): Promise<HttpResult> {
  const started = Date.now();
  const { connection } = request;
  return new Promise<HttpResult>((resolve) => {
    let settled = false;
    let phase: 'connect' | 'headers' | 'body' = 'connect';
    let status: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const end = (result: HttpResult): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(result);
      // A socket handed in is used once; an agent's socket stays for the next request unless this one failed.
      if ('socket' in connection) {
        req.destroy();
        connection.socket.destroy();
      }
    };
    const fail = (failure: TransportFailure, errno: string): void => {
      end({ kind: 'failure', failure, errno, status, elapsedMs: Date.now() - started });
      req.destroy();
    };
    // Each phase gets its own bound, but never past what was left of the run when the request started.
    const until = started + request.remainingMs;
    const arm = (ms: number, onExpire: () => void): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onExpire, Math.max(0, Math.min(ms, until - Date.now())));
    };

    const req = http.request({
      ...('agent' in connection
        ? {
            host: host ?? '',
            port: connection.port,
            agent: connection.agent,
            ...(request.lookup ? { lookup: request.lookup } : {}),
          }
        : { createConnection: () => connection.socket }),
      path: request.path,
      method: 'GET',
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
      const answer = (): HttpAnswer => ({
        kind: 'answer',
        status: status ?? 0,
        headers: collectHeaders(res.rawHeaders),
        body: Buffer.concat(chunks).toString('utf8'),
        elapsedMs: Date.now() - started,
      });
      const peek = request.body === 'peek';
      res.on('data', (chunk: Buffer) => {
        if (peek) {
          chunks.push(chunk.subarray(0, request.maxBodyBytes - size));
          size += chunk.length;
          if (size >= request.maxBodyBytes) end(answer());
          return;
        }
        size += chunk.length;
        if (size > request.maxBodyBytes) {
          fail('body_too_large', 'EFBIG');
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) => {
        if (peek) return end(answer());
        fail(classifySocketError(err.code ?? 'ECONNRESET', 'body'), err.code ?? 'ECONNRESET');
      });
      res.on('aborted', () => (peek ? end(answer()) : fail('connection_reset', 'ECONNRESET')));
      res.on('end', () => {
        if (!peek && !res.complete) {
          fail('connection_reset', 'ECONNRESET');
          return;
        }
        end(answer());
      });
    });
    req.end();
  });
}

function collectHeaders(raw: string[]): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const values = headers.get(name);
    if (values) values.push(raw[i + 1]!);
    else headers.set(name, [raw[i + 1]!]);
  }
  return headers;
}

/** Every value of a header, in the order received; none when absent. */
export function headerValues(answer: Pick<HttpAnswer, 'headers'>, name: string): readonly string[] {
  return answer.headers.get(name.toLowerCase()) ?? [];
}

/** The first value of a header, '' when absent. */
export function header(answer: Pick<HttpAnswer, 'headers'>, name: string): string {
  return headerValues(answer, name)[0] ?? '';
}

/** Every value of a header joined as one (`a, b`), '' when absent. */
export function headerText(answer: Pick<HttpAnswer, 'headers'>, name: string): string {
  return headerValues(answer, name).join(', ');
}
