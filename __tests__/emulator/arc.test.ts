// Arc (HIMDS) mode: instance document, api-version wording, the single-use challenge flow, user identities.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ARC_RESOURCE_ID,
  ARC_SYSTEM_IDENTITY,
  ARC_VM_ID,
  USER_IDENTITY_1,
  type Emulator,
} from '../../src/emulator/index.js';
import {
  ARC_TOKEN_PATH,
  decodeJwt,
  get,
  json,
  rawHeaderValues,
  realmOf,
  RequestFailure,
  send,
  useEmulators,
} from './helpers.js';

const start = useEmulators();
const IDENTITY_NOT_FOUND = '{"error":"invalid_request","error_description":"Identity not found"}';

/** The honest client: challenge, read the realm file, answer with its content. */
async function tokenViaChallenge(e: Emulator, path = ARC_TOKEN_PATH) {
  const challenge = await get(e.url, path);
  expect(challenge.status).toBe(401);
  const secret = readFileSync(realmOf(challenge), 'utf8');
  return get(e.url, path, { Authorization: `Basic ${secret}` });
}

describe('Arc instance metadata', () => {
  it('serves the HIMDS document shape', async () => {
    const e = await start({ scenario: 'arc-healthy' });
    expect(e.mode).toBe('arc');
    const reply = await get(e.url, '/metadata/instance?api-version=2020-06-01');
    expect(reply.status).toBe(200);
    const doc = json(reply) as { compute: Record<string, unknown>; network: unknown };
    expect(doc.network).toEqual({});
    expect(doc.compute).toMatchObject({
      vmId: ARC_VM_ID,
      resourceId: ARC_RESOURCE_ID,
      osType: 'linux',
      publicKeys: null,
    });
    expect(ARC_RESOURCE_ID).toMatch(
      /^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.HybridCompute\/machines\/[^/]+$/,
    );
    expect(reply.headers.server).toBeUndefined();
    expect((await get(e.url, '/metadata/instance/network/interface?api-version=2020-06-01')).status).toBe(
      404,
    );
  });

  it('words api-version errors the HIMDS way and accepts its four versions', async () => {
    const e = await start({ mode: 'arc' });
    const text =
      '{"error":"invalid_request","error_description":"The api-version not specified. Supported are 2021-02-01 2020-06-01 2019-11-01 2019-08-15"}';
    for (const path of [
      '/metadata/instance',
      '/metadata/instance?api-version=2021-03-01',
      '/metadata/identity/oauth2/token?resource=x',
    ]) {
      const reply = await get(e.url, path);
      expect([path, reply.status, reply.body]).toEqual([path, 400, text]);
    }
    for (const version of ['2019-08-15', '2019-11-01', '2020-06-01', '2021-02-01']) {
      expect((await get(e.url, `/metadata/instance?api-version=${version}`)).status).toBe(200);
    }
  });

  it('arc-old-api-version: rejects 2020-06-01 and lists the two older versions', async () => {
    const e = await start({ scenario: 'arc-old-api-version' });
    const refused = await get(e.url, ARC_TOKEN_PATH);
    expect(refused.status).toBe(400);
    expect(json(refused).error_description).toBe(
      'The api-version not specified. Supported are 2019-11-01 2019-08-15',
    );
    expect((await get(e.url, ARC_TOKEN_PATH.replace('2020-06-01', '2019-11-01'))).status).toBe(401);
  });

  it('keeps the protocol rules: Metadata header, X-Forwarded-For, methods', async () => {
    const e = await start({ mode: 'arc' });
    expect((await send(e.url, ARC_TOKEN_PATH)).status).toBe(400);
    expect((await get(e.url, ARC_TOKEN_PATH, { 'X-Forwarded-For': '1.2.3.4' })).status).toBe(400);
    expect(
      (await send(e.url, ARC_TOKEN_PATH, { method: 'POST', headers: { Metadata: 'true' } })).status,
    ).toBe(405);
    expect(e.issuedSecrets).toEqual([]);
  });
});

describe('Arc challenge flow', () => {
  it('challenges with Www-Authenticate: Basic realm=<tokensDir>/<guid>.key holding a fresh 0640 secret', async () => {
    const e = await start({ scenario: 'arc-healthy' });
    const reply = await get(e.url, ARC_TOKEN_PATH);
    expect(reply.status).toBe(401);
    expect(rawHeaderValues(reply, 'Www-Authenticate')).toHaveLength(1);
    const realm = realmOf(reply);
    expect(dirname(realm)).toBe(e.tokensDir);
    expect(realm).toMatch(/\/[0-9a-f-]{36}\.key$/);
    expect(statSync(realm).mode & 0o777).toBe(0o640);
    const secret = readFileSync(realm, 'utf8');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(e.issuedSecrets).toEqual([secret]);
    const again = realmOf(await get(e.url, ARC_TOKEN_PATH));
    expect(again).not.toBe(realm);
    expect(readFileSync(again, 'utf8')).not.toBe(secret);
  });

  it('exchanges the secret for a token once, deleting the key file', async () => {
    const e = await start({ scenario: 'arc-healthy' });
    const challenge = await get(e.url, ARC_TOKEN_PATH);
    const realm = realmOf(challenge);
    const secret = readFileSync(realm, 'utf8');
    const reply = await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` });
    expect(reply.status).toBe(200);
    const body = json(reply);
    for (const value of Object.values(body)) expect(typeof value).toBe('string');
    expect(body).toMatchObject({
      token_type: 'Bearer',
      client_id: ARC_SYSTEM_IDENTITY.clientId,
      expires_in: '86399',
    });
    expect(decodeJwt(body.access_token as string).payload).toMatchObject({
      oid: ARC_SYSTEM_IDENTITY.objectId,
      xms_mirid: ARC_RESOURCE_ID,
    });
    expect(existsSync(realm)).toBe(false);
    expect(e.issuedTokens).toEqual([body.access_token]);
    expect(e.requests[1]?.headers.authorization).toBe(`Basic ${secret}`);

    const reused = await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` });
    expect(reused.status).toBe(401);
    expect(json(reused)).toMatchObject({ error: expect.any(String) });
    expect(reused.headers['www-authenticate']).toBeUndefined();
    expect(readdirSync(e.tokensDir ?? '')).toEqual([]);
  });

  it('answers a wrong secret with a JSON 401 and no new key file', async () => {
    const e = await start({ scenario: 'arc-healthy' });
    const realm = realmOf(await get(e.url, ARC_TOKEN_PATH));
    for (const authorization of [`Basic ${'0'.repeat(64)}`, 'Bearer abc', 'Basic']) {
      const reply = await get(e.url, ARC_TOKEN_PATH, { Authorization: authorization });
      expect(reply.status).toBe(401);
      expect(reply.headers['www-authenticate']).toBeUndefined();
    }
    expect(readdirSync(e.tokensDir ?? '')).toEqual([realm.slice((e.tokensDir ?? '').length + 1)]);
    expect(e.issuedTokens).toEqual([]);
  });

  it('arc-reject-secret: 401 again after the correct secret, which is still consumed', async () => {
    const e = await start({ scenario: 'arc-reject-secret' });
    const realm = realmOf(await get(e.url, ARC_TOKEN_PATH));
    const reply = await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${readFileSync(realm, 'utf8')}` });
    expect(reply.status).toBe(401);
    expect(existsSync(realm)).toBe(false);
    expect(e.issuedTokens).toEqual([]);
  });

  it('a system-only machine refuses a user selector with "Identity not found"', async () => {
    const e = await start({ scenario: 'arc-healthy' });
    const reply = await tokenViaChallenge(e, `${ARC_TOKEN_PATH}&client_id=${USER_IDENTITY_1.clientId}`);
    expect(reply.body).toBe(IDENTITY_NOT_FOUND);
  });

  it('removes its default tokens dir on close and keeps a given one, minus its own files', async () => {
    const own = await start({ mode: 'arc' });
    const ownDir = own.tokensDir ?? '';
    await get(own.url, ARC_TOKEN_PATH);
    await own.close();
    expect(existsSync(ownDir)).toBe(false);

    const given = mkdtempSync(join(tmpdir(), 'emu-given-'));
    try {
      const e = await start({ mode: 'arc', tokensDir: given });
      expect(e.tokensDir).toBe(given);
      expect(dirname(realmOf(await get(e.url, ARC_TOKEN_PATH)))).toBe(given);
      await e.close();
      expect(readdirSync(given)).toEqual([]);
    } finally {
      rmSync(given, { recursive: true, force: true });
    }
  });

  it('arc-down: nothing listens at the url', async () => {
    const e = await start({ scenario: 'arc-down' });
    expect(e.port).toBeGreaterThan(0);
    const outcome = await get(e.url, ARC_TOKEN_PATH).then(
      () => 'answered',
      (err: unknown) => (err instanceof RequestFailure ? err.code : String(err)),
    );
    expect(outcome).toBe('ECONNREFUSED');
  });
});

describe('user-assigned identities on Arc', () => {
  it.each([
    ['client_id', USER_IDENTITY_1.clientId],
    ['object_id', USER_IDENTITY_1.objectId],
    ['msi_res_id', USER_IDENTITY_1.resourceId ?? ''],
  ])('arc-user-supported echoes %s and puts the identity in the claims', async (name, value) => {
    const e = await start({ scenario: 'arc-user-supported' });
    const body = json(await tokenViaChallenge(e, `${ARC_TOKEN_PATH}&${name}=${encodeURIComponent(value)}`));
    expect(body[name]).toBe(value);
    expect(decodeJwt(body.access_token as string).payload).toMatchObject({
      oid: USER_IDENTITY_1.objectId,
      appid: USER_IDENTITY_1.clientId,
      xms_mirid: USER_IDENTITY_1.resourceId,
    });
  });

  it('arc-user-supported: no selector gives the system identity, an unknown one "Identity not found"', async () => {
    const e = await start({ scenario: 'arc-user-supported' });
    expect(json(await tokenViaChallenge(e)).client_id).toBe(ARC_SYSTEM_IDENTITY.clientId);
    const unknown = await tokenViaChallenge(
      e,
      `${ARC_TOKEN_PATH}&client_id=00000000-0000-0000-0000-000000000000`,
    );
    expect(unknown.body).toBe(IDENTITY_NOT_FOUND);
  });

  it('arc-legacy-user ignores the selector and returns the system identity without an echo', async () => {
    const e = await start({ scenario: 'arc-legacy-user' });
    const body = json(await tokenViaChallenge(e, `${ARC_TOKEN_PATH}&object_id=${USER_IDENTITY_1.objectId}`));
    expect(body.client_id).toBe(ARC_SYSTEM_IDENTITY.clientId);
    expect(body.object_id).toBeUndefined();
    expect(decodeJwt(body.access_token as string).payload.oid).toBe(ARC_SYSTEM_IDENTITY.objectId);
  });

  it('Arc token scenarios shared with VM: no-identity, invalid-resource, token-expired', async () => {
    const none = await start({ scenario: 'no-identity', mode: 'arc' });
    expect((await tokenViaChallenge(none)).body).toBe(IDENTITY_NOT_FOUND);
    const invalid = await start({ scenario: 'invalid-resource', mode: 'arc' });
    expect(json(await tokenViaChallenge(invalid)).error).toBe('invalid_resource');
    const expired = await start({ scenario: 'token-expired', mode: 'arc' });
    expect(Number(json(await tokenViaChallenge(expired)).expires_on)).toBeLessThan(Date.now() / 1000);
  });
});
