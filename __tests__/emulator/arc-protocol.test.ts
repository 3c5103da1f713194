// HIMDS details real clients depend on: the JSON 401 challenge, `Metadata: True`, selectors checked before
// the challenge, `mi_res_id` ignored, and short-lived key files.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  ARC_SYSTEM_IDENTITY,
  CHALLENGE_BODY,
  USER_IDENTITY_1,
  USER_IDENTITY_2,
} from '../../src/emulator/index.js';
import {
  ARC_TOKEN_PATH,
  decodeJwt,
  get,
  INSTANCE_PATH,
  json,
  realmOf,
  send,
  TOKEN_PATH,
  useEmulators,
} from './helpers.js';

const start = useEmulators();
const IDENTITY_NOT_FOUND = '{"error":"invalid_request","error_description":"Identity not found"}';
const q = encodeURIComponent;

describe('the Arc challenge answer', () => {
  it('is a 401 with Content-Type application/json and a JSON body, so JSON-parsing clients can read it', async () => {
    const e = await start({ scenario: 'arc-healthy' });
    const reply = await get(e.url, ARC_TOKEN_PATH);
    expect(reply.status).toBe(401);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.body).toBe(CHALLENGE_BODY);
    expect(json(reply)).toEqual({ error: expect.any(String), error_description: expect.any(String) });
    expect(Number(reply.headers['content-length'])).toBe(reply.bytes);
    expect(reply.headers.server).toBeUndefined();
  });

  it.each(['arc-quoted-realm', 'arc-two-challenges', 'arc-realm-outside'])(
    '%s challenges with the same JSON body',
    async (scenario) => {
      const e = await start({ scenario });
      const reply = await get(e.url, ARC_TOKEN_PATH);
      expect([reply.status, reply.body]).toEqual([401, CHALLENGE_BODY]);
    },
  );
});

describe('Metadata header casing', () => {
  it('HIMDS accepts Metadata: True (the Arc PowerShell sample) and TRUE, on tokens and metadata', async () => {
    const e = await start({ mode: 'arc' });
    for (const value of ['True', 'TRUE', 'true']) {
      const challenge = await send(e.url, ARC_TOKEN_PATH, { headers: { Metadata: value } });
      expect([value, challenge.status]).toEqual([value, 401]);
      const secret = readFileSync(realmOf(challenge), 'utf8');
      const token = await send(e.url, ARC_TOKEN_PATH, {
        headers: { Metadata: value, Authorization: `Basic ${secret}` },
      });
      expect([value, token.status]).toEqual([value, 200]);
      const instance = await send(e.url, '/metadata/instance?api-version=2020-06-01', {
        headers: { Metadata: value },
      });
      expect([value, instance.status]).toEqual([value, 200]);
    }
  });

  it('HIMDS still refuses a missing, false or doubled header', async () => {
    const e = await start({ mode: 'arc' });
    const variants: Record<string, string | string[]>[] = [
      {},
      { Metadata: 'false' },
      { Metadata: ['true', 'true'] },
    ];
    for (const headers of variants) {
      expect((await send(e.url, ARC_TOKEN_PATH, { headers })).status).toBe(400);
    }
    expect(e.issuedSecrets).toEqual([]);
  });

  it('VM IMDS wants lower-case true only (the token doc: exactly `true`)', async () => {
    const e = await start();
    for (const path of [TOKEN_PATH, INSTANCE_PATH]) {
      expect((await send(e.url, path, { headers: { Metadata: 'True' } })).status).toBe(400);
      expect((await send(e.url, path, { headers: { Metadata: 'true' } })).status).toBe(200);
    }
  });
});

describe('arc-selector-rejected: the selector is checked before the challenge', () => {
  it.each([
    ['client_id', '00000000-0000-0000-0000-000000000000'],
    ['client_id', ARC_SYSTEM_IDENTITY.clientId],
    ['object_id', ARC_SYSTEM_IDENTITY.objectId],
    [
      'msi_res_id',
      '/subscriptions/x/resourceGroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/z',
    ],
  ])('%s=%s gets 400 "Identity not found" on the first request, no key file', async (name, value) => {
    const e = await start({ scenario: 'arc-selector-rejected' });
    const reply = await get(e.url, `${ARC_TOKEN_PATH}&${name}=${q(value)}`);
    expect(reply.status).toBe(400);
    expect(reply.body).toBe(IDENTITY_NOT_FOUND);
    expect(reply.headers['www-authenticate']).toBeUndefined();
    expect(e.issuedSecrets).toEqual([]);
    expect(readdirSync(e.tokensDir ?? '')).toEqual([]);
  });

  it('a user-assigned selector, or none, is challenged and served', async () => {
    const e = await start({ scenario: 'arc-selector-rejected' });
    for (const [query, clientId] of [
      [`&client_id=${USER_IDENTITY_2.clientId}`, USER_IDENTITY_2.clientId],
      ['', ARC_SYSTEM_IDENTITY.clientId],
    ] as const) {
      const challenge = await get(e.url, `${ARC_TOKEN_PATH}${query}`);
      expect(challenge.status).toBe(401);
      const secret = readFileSync(realmOf(challenge), 'utf8');
      const token = await get(e.url, `${ARC_TOKEN_PATH}${query}`, { Authorization: `Basic ${secret}` });
      expect(json(token).client_id).toBe(clientId);
    }
  });

  it('arc-user-supported keeps the old order: challenge first, then "Identity not found"', async () => {
    const e = await start({ scenario: 'arc-user-supported' });
    const path = `${ARC_TOKEN_PATH}&client_id=00000000-0000-0000-0000-000000000000`;
    const challenge = await get(e.url, path);
    expect(challenge.status).toBe(401);
    const secret = readFileSync(realmOf(challenge), 'utf8');
    expect((await get(e.url, path, { Authorization: `Basic ${secret}` })).body).toBe(IDENTITY_NOT_FOUND);
  });
});

describe('mi_res_id on HIMDS', () => {
  it('is ignored: the system identity answers, without an echo (MSAL documents HIMDS ignoring it)', async () => {
    const e = await start({ scenario: 'arc-user-supported' });
    const path = `${ARC_TOKEN_PATH}&mi_res_id=${q(USER_IDENTITY_1.resourceId ?? '')}`;
    const secret = readFileSync(realmOf(await get(e.url, path)), 'utf8');
    const body = json(await get(e.url, path, { Authorization: `Basic ${secret}` }));
    expect(body.client_id).toBe(ARC_SYSTEM_IDENTITY.clientId);
    expect(body.msi_res_id).toBeUndefined();
    expect(decodeJwt(body.access_token as string).payload.oid).toBe(ARC_SYSTEM_IDENTITY.objectId);
  });
});

describe('key file lifetime', () => {
  it('removes an unused key file and forgets its secret after arcKeyLifetimeMs', async () => {
    const e = await start({ mode: 'arc', arcKeyLifetimeMs: 150 });
    const realm = realmOf(await get(e.url, ARC_TOKEN_PATH));
    const secret = readFileSync(realm, 'utf8');
    const deadline = Date.now() + 5000;
    while (existsSync(realm) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(realm)).toBe(false);
    const late = await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` });
    expect(late.status).toBe(401);
    expect(late.headers['www-authenticate']).toBeUndefined();
    expect(e.issuedTokens).toEqual([]);
  });

  it('keeps a key file for its lifetime (default 10 s), and a redeemed one goes at once', async () => {
    const e = await start({ mode: 'arc' });
    const kept = realmOf(await get(e.url, ARC_TOKEN_PATH));
    const used = realmOf(await get(e.url, ARC_TOKEN_PATH));
    const secret = readFileSync(used, 'utf8');
    expect((await get(e.url, ARC_TOKEN_PATH, { Authorization: `Basic ${secret}` })).status).toBe(200);
    expect(existsSync(used)).toBe(false);
    expect(existsSync(kept)).toBe(true);
  });

  it('refuses a lifetime that is not positive', async () => {
    await expect(start({ mode: 'arc', arcKeyLifetimeMs: 0 })).rejects.toThrow(/arcKeyLifetimeMs/);
  });
});
