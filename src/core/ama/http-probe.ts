// One GET over an established TLS socket (node:http with that socket as its connection: no agent, no proxy).
// Bounded like the IMDS requests: time to the status line, then the body, capped in size.
import http from 'node:http';
import type tls from 'node:tls';
import { MAX_HTTP_BODY_BYTES } from './bounds.js';

export interface HttpSeen {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export type HttpProbe =
  { ok: true; answer: HttpSeen } | { ok: false; errno: string; timedOut: boolean; status: number | null };

export function getOver(
  socket: tls.TLSSocket,
  host: string,
  path: string,
  bounds: { headersMs: number; bodyMs: number },
  userAgent: string,
): Promise<HttpProbe> {
  return new Promise((resolve) => {
    let settled = false;
    let status: number | null = null;
    let timer: NodeJS.Timeout | undefined;
    const end = (result: HttpProbe): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      req.destroy();
      socket.destroy();
    };
    const arm = (ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () => end({ ok: false, errno: 'ETIMEDOUT', timedOut: true, status }),
        Math.max(0, ms),
      );
    };
    const req = http.request({
      host,
      path,
      method: 'GET',
      createConnection: () => socket,
      headers: { Host: host, 'User-Agent': userAgent, Accept: '*/*', Connection: 'close' },
    });
    arm(bounds.headersMs);
    req.on('error', (err: NodeJS.ErrnoException) =>
      end({ ok: false, errno: err.code ?? 'EUNKNOWN', timedOut: false, status }),
    );
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      arm(bounds.bodyMs);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers))
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value ?? '');
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = (): HttpProbe => ({
        ok: true,
        answer: { status: status ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') },
      });
      res.on('data', (chunk: Buffer) => {
        // Only the start of a body matters (Healthy, or an HTML page): stop reading past the cap.
        if (size >= MAX_HTTP_BODY_BYTES) return;
        chunks.push(chunk.subarray(0, MAX_HTTP_BODY_BYTES - size));
        size += chunk.length;
        if (size >= MAX_HTTP_BODY_BYTES) end(answer());
      });
      res.on('end', () => end(answer()));
      res.on('error', () => end(answer()));
    });
    req.end();
  });
}
