// VM IMDS protocol rules: Server header, methods, X-Forwarded-For, Metadata header, api-version, duplicates.
import { describe, expect, it } from '@jest/globals';
import { IMDS_SERVER_HEADER, VM_API_VERSIONS } from '../../src/emulator/index.js';
import { get, INSTANCE_PATH, json, send, TOKEN_PATH, useEmulators } from './helpers.js';

const start = useEmulators();
const NO_API_VERSION =
  '{"error":"Bad request. api-version is invalid or was not specified in the request. For more information refer to aka.ms/azureimds","newest-versions":["2025-04-07","2024-07-17","2024-03-15"]}';
const TOKEN_NO_METADATA =
  '{"error":"invalid_request","error_description":"Required metadata header not specified"}';

describe('VM IMDS protocol rules', () => {
  it('sends the IMDS Server header and JSON content type on success and on errors', async () => {
    const e = await start();
    for (const reply of [
      await get(e.url, INSTANCE_PATH),
      await get(e.url, '/metadata/instance'),
      await get(e.url, TOKEN_PATH),
    ]) {
      expect(reply.headers.server).toBe(IMDS_SERVER_HEADER);
      expect(reply.headers.server).toMatch(/^IMDS\/\d+\.\d+\.\d+\.(\d+)$/);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(reply.headers['content-length'])).toBe(reply.bytes);
    }
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])(
    'answers %s with 405 in the route family error shape',
    async (method) => {
      const e = await start();
      const instance = await send(e.url, INSTANCE_PATH, { method, headers: { Metadata: 'true' } });
      expect(instance.status).toBe(405);
      expect(json(instance)).toEqual({ error: expect.any(String) });
      const token = await send(e.url, TOKEN_PATH, { method, headers: { Metadata: 'true' } });
      expect(token.status).toBe(405);
      expect(json(token)).toMatchObject({ error: 'method_not_allowed' });
      expect(e.issuedTokens).toEqual([]);
    },
  );

  it('rejects any request carrying X-Forwarded-For', async () => {
    const e = await start();
    const instance = await get(e.url, INSTANCE_PATH, { 'X-Forwarded-For': '10.0.0.9' });
    expect(instance.status).toBe(400);
    expect(json(instance).error).toMatch(/X-Forwarded-For/);
    const token = await get(e.url, TOKEN_PATH, { 'X-Forwarded-For': '10.0.0.9' });
    expect(token.status).toBe(400);
    expect(json(token)).toMatchObject({ error: 'invalid_request' });
    expect(e.issuedTokens).toEqual([]);
  });

  it('requires Metadata: true exactly, with the real error bodies', async () => {
    const e = await start();
    const variants: Record<string, string | string[]>[] = [
      {},
      { Metadata: 'True' },
      { Metadata: 'false' },
      { Metadata: ['true', 'true'] },
    ];
    for (const headers of variants) {
      const instance = await send(e.url, INSTANCE_PATH, { headers });
      expect(instance.status).toBe(400);
      expect(instance.body).toBe('{"error":"Bad request. Required metadata header not specified"}');
      const token = await send(e.url, TOKEN_PATH, { headers });
      expect(token.status).toBe(400);
      expect(token.body).toBe(TOKEN_NO_METADATA);
      expect(token.bytes).toBe(88);
    }
    expect(e.issuedTokens).toEqual([]);
  });

  it('answers a missing or unknown api-version with the captured newest-versions body', async () => {
    const e = await start();
    for (const path of [
      '/metadata/instance',
      '/metadata/instance?api-version=2099-01-01',
      '/metadata/instance?api-version=latest',
      '/metadata/instance/compute?api-version=',
      `/metadata/identity/oauth2/token?resource=${encodeURIComponent('https://management.azure.com/')}`,
      '/metadata/identity/oauth2/token?api-version=2017-12-01&resource=https%3A%2F%2Fvault.azure.net',
    ]) {
      const reply = await get(e.url, path);
      expect([path, reply.status]).toEqual([path, 400]);
      expect(reply.body).toBe(NO_API_VERSION);
    }
  });

  it('accepts every documented api-version on the instance endpoint', async () => {
    const e = await start();
    expect(VM_API_VERSIONS).toHaveLength(35);
    for (const version of VM_API_VERSIONS) {
      const reply = await get(e.url, `/metadata/instance/compute/vmId?api-version=${version}&format=text`);
      expect([version, reply.status]).toEqual([version, 200]);
    }
  });

  it('serves /metadata/versions without an api-version', async () => {
    const e = await start();
    const reply = await get(e.url, '/metadata/versions');
    expect(reply.status).toBe(200);
    const versions = json(reply).apiVersions as string[];
    expect(versions).toContain('2021-02-01');
    expect(versions).toContain('2018-02-01');
    expect(new Set(versions)).toEqual(new Set(VM_API_VERSIONS));
  });

  it('rejects duplicate query parameter names', async () => {
    const e = await start();
    const instance = await get(e.url, '/metadata/instance?api-version=2021-02-01&api-version=2021-02-01');
    expect(instance.status).toBe(400);
    expect(json(instance).error).toMatch(/Duplicate query parameter: api-version/);
    const token = await get(e.url, `${TOKEN_PATH}&resource=https%3A%2F%2Fvault.azure.net`);
    expect(token.status).toBe(400);
    expect(json(token)).toMatchObject({ error: 'invalid_request' });
    expect(e.issuedTokens).toEqual([]);
  });

  it('answers unknown paths with an IMDS-style 404', async () => {
    const e = await start();
    const reply = await get(e.url, '/metadata/nothing?api-version=2021-02-01');
    expect(reply.status).toBe(404);
    expect(json(reply)).toEqual({ error: expect.any(String) });
    expect(reply.headers.server).toBe(IMDS_SERVER_HEADER);
  });

  it('records every request with method, path, query and raw headers', async () => {
    const e = await start();
    await get(e.url, `${INSTANCE_PATH}&format=json`, { 'x-ms-client-request-id': 'abc' });
    await send(e.url, '/metadata/instance', { method: 'POST' });
    expect(e.requests).toHaveLength(2);
    const [first, second] = e.requests;
    expect(first).toMatchObject({
      method: 'GET',
      path: '/metadata/instance',
      query: { 'api-version': '2021-02-01', format: 'json' },
      headers: { metadata: 'true', 'x-ms-client-request-id': 'abc' },
    });
    expect(first?.rawHeaders).toContain('Metadata');
    expect(typeof first?.time).toBe('number');
    expect(second).toMatchObject({ method: 'POST', path: '/metadata/instance', query: {} });
  });
});
