// Plain node:http client for the emulator tests (no agent reuse, bounded by a timeout) and an emulator
// tracker that closes every emulator after each test.
import { afterEach } from '@jest/globals';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { startEmulator, type Emulator, type StartOptions } from '../../src/emulator/index.js';

export const META = { Metadata: 'true' } as const;
export const ARM = 'https://management.azure.com/';
export const TOKEN_PATH = `/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(ARM)}`;
export const ARC_TOKEN_PATH = `/metadata/identity/oauth2/token?api-version=2020-06-01&resource=${encodeURIComponent(ARM)}`;
export const INSTANCE_PATH = '/metadata/instance?api-version=2021-02-01';

export interface Reply {
  status: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
  bytes: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string | string[]>;
  timeoutMs?: number;
}

export class RequestFailure extends Error {
  constructor(readonly code: string) {
    super(`request failed: ${code}`);
  }
}

export function send(base: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, {
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      agent: false,
    });
    req.setTimeout(options.timeoutMs ?? 5000, () => req.destroy(new RequestFailure('TIMEOUT')));
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(err instanceof RequestFailure ? err : new RequestFailure(err.code ?? err.message)),
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err: NodeJS.ErrnoException) => reject(new RequestFailure(err.code ?? err.message)));
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          statusMessage: res.statusMessage ?? '',
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: buffer.toString('utf8'),
          bytes: buffer.length,
        });
      });
    });
    req.end();
  });
}

/** GET with `Metadata: true` plus any extra headers. */
export function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return send(base, path, { headers: { ...META, ...headers } });
}

/** Statuses of `n` sequential GETs (with `Metadata: true`) to `path`. */
export async function statuses(e: Emulator, path: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await get(e.url, path)).status);
  return out;
}

export function json(reply: Reply): Record<string, unknown> {
  return JSON.parse(reply.body) as Record<string, unknown>;
}

/** Header names exactly as sent (rawHeaders keeps the server's spelling). */
export function rawHeaderValues(reply: Reply, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < reply.rawHeaders.length; i += 2) {
    if (reply.rawHeaders[i] === name) values.push(reply.rawHeaders[i + 1] ?? '');
  }
  return values;
}

export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
} {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const decode = (part: string): Record<string, unknown> =>
    JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: decode(header), payload: decode(payload), signature };
}

/** Starts emulators for one test file and closes all of them after each test. */
export function useEmulators(): (options?: StartOptions) => Promise<Emulator> {
  const running: Emulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });
  return async (options) => {
    const emulator = await startEmulator(options);
    running.push(emulator);
    return emulator;
  };
}

/** Realm path from a Basic challenge without quotes (the honest HIMDS form). */
export function realmOf(reply: Reply): string {
  const value = reply.headers['www-authenticate'];
  const header = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  const match = /^Basic realm=(.+)$/.exec(header);
  if (!match?.[1]) throw new Error(`no Basic realm in '${header}'`);
  return match[1];
}
