// Fault scenarios: status sequences, delays, hangs, resets and non-IMDS answers, in both modes where they apply.
import { describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { IMDS_SERVER_HEADER } from '../../src/emulator/index.js';
import {
  ARC_TOKEN_PATH,
  get,
  INSTANCE_PATH,
  json,
  RequestFailure,
  send,
  statuses,
  TOKEN_PATH,
  useEmulators,
} from './helpers.js';

const start = useEmulators();
const failureCode = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'answered',
    (err: unknown) => (err instanceof RequestFailure ? err.code : String(err)),
  );

describe('status-sequence scenarios', () => {
  it('throttled-then-ok: token 429 with Retry-After: 1 twice, then 200; metadata unaffected', async () => {
    const e = await start({ scenario: 'throttled-then-ok' });
    expect((await get(e.url, INSTANCE_PATH)).status).toBe(200);
    const first = await get(e.url, TOKEN_PATH);
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect(json(first).error).toBe('too_many_requests');
    expect(first.headers.server).toBe(IMDS_SERVER_HEADER);
    expect(await statuses(e, TOKEN_PATH, 3)).toEqual([429, 200, 200]);
  });

  it('gone-then-ok: metadata 410 twice, then 200; tokens unaffected', async () => {
    const e = await start({ scenario: 'gone-then-ok' });
    expect((await get(e.url, TOKEN_PATH)).status).toBe(200);
    expect(await statuses(e, INSTANCE_PATH, 4)).toEqual([410, 410, 200, 200]);
  });

  it('updating-404-then-ok: token 404 twice, then 200', async () => {
    const e = await start({ scenario: 'updating-404-then-ok' });
    const first = await get(e.url, TOKEN_PATH);
    expect(json(first)).toMatchObject({ error: 'not_found' });
    expect(await statuses(e, TOKEN_PATH, 2)).toEqual([404, 200]);
    expect((await get(e.url, INSTANCE_PATH)).status).toBe(200);
  });

  it('server-error: 500 forever on both endpoints', async () => {
    const e = await start({ scenario: 'server-error' });
    expect(await statuses(e, INSTANCE_PATH, 3)).toEqual([500, 500, 500]);
    expect(await statuses(e, TOKEN_PATH, 3)).toEqual([500, 500, 500]);
    expect(e.issuedTokens).toEqual([]);
  });

  it('server-error-then-ok: 500 once on each endpoint, then 200', async () => {
    const e = await start({ scenario: 'server-error-then-ok' });
    expect(await statuses(e, INSTANCE_PATH, 2)).toEqual([500, 200]);
    expect(await statuses(e, TOKEN_PATH, 2)).toEqual([500, 200]);
  });

  it('metadata-404: instance document 404 forever, tokens work', async () => {
    const e = await start({ scenario: 'metadata-404' });
    expect(await statuses(e, INSTANCE_PATH, 2)).toEqual([404, 404]);
    expect((await get(e.url, TOKEN_PATH)).status).toBe(200);
  });

  it('faults count only requests that pass the protocol rules', async () => {
    const e = await start({ scenario: 'gone-then-ok' });
    expect((await send(e.url, INSTANCE_PATH)).status).toBe(400); // no Metadata header: not counted
    expect(await statuses(e, INSTANCE_PATH, 3)).toEqual([410, 410, 200]);
  });

  it('arc mode: sequences run before the challenge', async () => {
    const e = await start({ scenario: 'throttled-then-ok', mode: 'arc' });
    expect(await statuses(e, ARC_TOKEN_PATH, 3)).toEqual([429, 429, 401]);
  });

  it('old-api-version: metadata refuses 2021-02-01 but takes the newest-versions it offers; tokens unaffected', async () => {
    const e = await start({ scenario: 'old-api-version' });
    const refused = await get(e.url, INSTANCE_PATH);
    expect(refused.status).toBe(400);
    const offered = json(refused)['newest-versions'] as string[];
    expect(offered).toEqual(['2025-04-07', '2024-07-17', '2024-03-15']);
    for (const version of offered)
      expect((await get(e.url, `/metadata/instance?api-version=${version}`)).status).toBe(200);
    expect((await get(e.url, TOKEN_PATH)).status).toBe(200);
  });
});

describe('timing and socket scenarios', () => {
  it('slow: answers correctly after about 1.5 s, in both modes', async () => {
    const [vm, arc] = await Promise.all([
      start({ scenario: 'slow' }),
      start({ scenario: 'slow', mode: 'arc' }),
    ]);
    const began = Date.now();
    const [a, b] = await Promise.all([get(vm.url, INSTANCE_PATH), get(arc.url, ARC_TOKEN_PATH)]);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1400);
    expect(a.status).toBe(200);
    expect(b.status).toBe(401);
  });

  it.each(['vm', 'arc'] as const)('silent (%s): accepts, records, never answers', async (mode) => {
    const e = await start({ scenario: 'silent', mode });
    expect(
      await failureCode(send(e.url, INSTANCE_PATH, { headers: { Metadata: 'true' }, timeoutMs: 300 })),
    ).toBe('TIMEOUT');
    expect(e.requests).toHaveLength(1);
  });

  it('close() destroys a hanging socket so nothing waits', async () => {
    const e = await start({ scenario: 'silent' });
    const pending = failureCode(
      send(e.url, TOKEN_PATH, { headers: { Metadata: 'true' }, timeoutMs: 10_000 }),
    );
    while (e.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await e.close();
    expect(await pending).toBe('ECONNRESET');
  });

  it('trickle: 200 headers, then a byte at a time until close()', async () => {
    const e = await start({ scenario: 'trickle' });
    const outcome = await new Promise<{ status: number; server: unknown; bytes: string; ended: string }>(
      (resolve) => {
        const req = httpRequest(`${e.url}${INSTANCE_PATH}`, { headers: { Metadata: 'true' }, agent: false });
        req.on('response', (res) => {
          let bytes = '';
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.toString();
            if (bytes.length === 2) void e.close();
          });
          const done = (ended: string) => () =>
            resolve({ status: res.statusCode ?? 0, server: res.headers.server, bytes, ended });
          res.on('error', done('error'));
          res.on('end', done('end'));
          res.on('close', done('close'));
        });
        req.on('error', () => resolve({ status: 0, server: undefined, bytes: '', ended: 'request error' }));
        req.end();
      },
    );
    expect(outcome.status).toBe(200);
    expect(outcome.server).toBe(IMDS_SERVER_HEADER);
    expect(outcome.bytes).toBe('{ ');
    expect(outcome.ended).not.toBe('end'); // the body never completes
  });

  it.each(['vm', 'arc'] as const)('reset (%s): the connection is reset after the request', async (mode) => {
    const e = await start({ scenario: 'reset', mode });
    expect(await failureCode(get(e.url, INSTANCE_PATH))).toBe('ECONNRESET');
    expect(e.requests).toHaveLength(1);
  });
});

describe('answers from something that is not (quite) IMDS', () => {
  it.each(['vm', 'arc'] as const)('html (%s): 200 text/html, no IMDS Server header', async (mode) => {
    const e = await start({ scenario: 'html', mode });
    const reply = await get(e.url, INSTANCE_PATH);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toMatch(/<html>/);
    expect(reply.headers.server).toBeUndefined();
  });

  it('malformed-json: 200 JSON content type with a truncated body, on metadata and token', async () => {
    const e = await start({ scenario: 'malformed-json' });
    for (const path of [INSTANCE_PATH, TOKEN_PATH]) {
      const reply = await get(e.url, path);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(reply.body.startsWith('{"')).toBe(true);
      expect(() => JSON.parse(reply.body)).toThrow();
    }
  });

  it('huge-body: 200 with a 5 MB body', async () => {
    const e = await start({ scenario: 'huge-body' });
    const reply = await get(e.url, INSTANCE_PATH);
    expect(reply.status).toBe(200);
    expect(reply.bytes).toBe(5 * 1024 * 1024);
    expect(reply.headers['content-length']).toBe(String(5 * 1024 * 1024));
  });

  it.each(['vm', 'arc'] as const)(
    'proxy-502 (%s): 502 cannotconnect, no IMDS Server header',
    async (mode) => {
      const e = await start({ scenario: 'proxy-502', mode });
      const reply = await get(e.url, TOKEN_PATH);
      expect(reply.status).toBe(502);
      expect(reply.body).toBe('cannotconnect');
      expect(reply.headers.server).toBeUndefined();
    },
  );

  it('proxy-fail-to-connect: 400 "Fail to directly connect with 169.254.169.254" as text', async () => {
    const e = await start({ scenario: 'proxy-fail-to-connect' });
    const reply = await get(e.url, INSTANCE_PATH);
    expect(reply.status).toBe(400);
    expect(reply.statusMessage).toBe('Fail to directly connect with 169.254.169.254');
    expect(reply.body).toBe('Fail to directly connect with 169.254.169.254');
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.headers.server).toBeUndefined();
  });

  it('wrong-shape: 200 {"hello":"world"} without the IMDS Server header', async () => {
    const e = await start({ scenario: 'wrong-shape' });
    const reply = await get(e.url, INSTANCE_PATH);
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({ hello: 'world' });
    expect(reply.headers.server).toBeUndefined();
  });

  it('transport faults answer before any protocol rule (no Metadata header needed)', async () => {
    const e = await start({ scenario: 'wrong-shape' });
    expect((await send(e.url, '/anything', { method: 'POST' })).body).toBe('{"hello":"world"}');
  });

  it('no-server-header: healthy answers without the Server header', async () => {
    const e = await start({ scenario: 'no-server-header' });
    for (const path of [INSTANCE_PATH, TOKEN_PATH, '/metadata/instance']) {
      const reply = await get(e.url, path);
      expect(reply.headers.server).toBeUndefined();
    }
    expect((await get(e.url, TOKEN_PATH)).status).toBe(200);
  });
});
