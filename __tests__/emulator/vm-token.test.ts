// VM token endpoint: success body, JWT claims, identity selection rules, resource checks.
import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_IDENTITIES,
  SYSTEM_IDENTITY,
  TENANT_ID,
  USER_IDENTITY_1,
  USER_IDENTITY_2,
  VM_RESOURCE_ID,
} from '../../src/emulator/index.js';
import { ARM, decodeJwt, get, json, TOKEN_PATH, useEmulators } from './helpers.js';

const start = useEmulators();
const IDENTITY_NOT_FOUND = '{"error":"invalid_request","error_description":"Identity not found"}';
const MULTIPLE =
  '{"error":"invalid_request","error_description":"Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request"}';
const q = encodeURIComponent;

describe('VM token endpoint', () => {
  it('returns a string-typed token body for the system identity', async () => {
    const e = await start();
    const before = Math.floor(Date.now() / 1000);
    const reply = await get(e.url, TOKEN_PATH);
    expect(reply.status).toBe(200);
    const body = json(reply);
    for (const value of Object.values(body)) expect(typeof value).toBe('string');
    expect(body).toMatchObject({
      refresh_token: '',
      resource: ARM,
      token_type: 'Bearer',
      client_id: SYSTEM_IDENTITY.clientId,
      expires_in: '86399',
      ext_expires_in: '86399',
    });
    const expiresOn = Number(body.expires_on);
    expect(expiresOn).toBeGreaterThanOrEqual(before + 86399);
    expect(expiresOn).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 86399);
    expect(Number(body.not_before)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(e.issuedTokens).toEqual([body.access_token]);
  });

  it('mints JWT-shaped tokens with realistic claims, unique each time', async () => {
    const e = await start();
    const first = json(await get(e.url, TOKEN_PATH)).access_token as string;
    const second = json(await get(e.url, TOKEN_PATH)).access_token as string;
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const { header, payload, signature } = decodeJwt(first);
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    expect(signature.length).toBeGreaterThan(300);
    expect(payload).toMatchObject({
      aud: ARM,
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      tid: TENANT_ID,
      oid: SYSTEM_IDENTITY.objectId,
      appid: SYSTEM_IDENTITY.clientId,
      azp: SYSTEM_IDENTITY.clientId,
      idtyp: 'app',
      xms_mirid: VM_RESOURCE_ID,
      uti: expect.any(String),
    });
    expect((payload.exp as number) - (payload.iat as number)).toBe(86399);
    expect(payload.nbf).toBe(payload.iat);
    expect(decodeJwt(second).payload.uti).not.toBe(payload.uti);
    expect(e.issuedTokens).toEqual([first, second]);
  });

  it('requires a resource', async () => {
    const e = await start();
    const reply = await get(e.url, '/metadata/identity/oauth2/token?api-version=2018-02-01');
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({ error: 'invalid_request' });
    expect(e.issuedTokens).toEqual([]);
  });

  it.each([
    ['client_id', USER_IDENTITY_1.clientId, {}],
    ['object_id', USER_IDENTITY_1.objectId, { object_id: USER_IDENTITY_1.objectId }],
    ['msi_res_id', USER_IDENTITY_1.resourceId ?? '', { msi_res_id: USER_IDENTITY_1.resourceId }],
  ])('selects a user-assigned identity by %s and echoes it', async (name, value, echo) => {
    const e = await start();
    const reply = await get(e.url, `${TOKEN_PATH}&${name}=${q(value.toUpperCase())}`);
    expect(reply.status).toBe(200);
    const body = json(reply);
    expect(body).toMatchObject({ client_id: USER_IDENTITY_1.clientId, ...echo });
    expect(decodeJwt(body.access_token as string).payload).toMatchObject({
      oid: USER_IDENTITY_1.objectId,
      appid: USER_IDENTITY_1.clientId,
      xms_mirid: USER_IDENTITY_1.resourceId,
    });
  });

  it('rejects more than one selector', async () => {
    const e = await start();
    const reply = await get(
      e.url,
      `${TOKEN_PATH}&client_id=${USER_IDENTITY_1.clientId}&object_id=${USER_IDENTITY_1.objectId}`,
    );
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({ error: 'invalid_request' });
    expect(e.issuedTokens).toEqual([]);
  });

  it('answers an unknown selector with "Identity not found" (68 bytes)', async () => {
    const e = await start();
    const reply = await get(e.url, `${TOKEN_PATH}&client_id=00000000-0000-0000-0000-000000000000`);
    expect(reply.status).toBe(400);
    expect(reply.body).toBe(IDENTITY_NOT_FOUND);
    expect(reply.bytes).toBe(68);
  });

  it('no-identity: every token request gets "Identity not found"', async () => {
    const e = await start({ scenario: 'no-identity' });
    expect((await get(e.url, TOKEN_PATH)).body).toBe(IDENTITY_NOT_FOUND);
    expect((await get(e.url, `${TOKEN_PATH}&client_id=${USER_IDENTITY_1.clientId}`)).body).toBe(
      IDENTITY_NOT_FOUND,
    );
    expect(e.issuedTokens).toEqual([]);
  });

  it('multiple-user-identities: no selector gets the 168-byte error, a selector works', async () => {
    const e = await start({ scenario: 'multiple-user-identities' });
    const none = await get(e.url, TOKEN_PATH);
    expect(none.status).toBe(400);
    expect(none.body).toBe(MULTIPLE);
    expect(none.bytes).toBe(168);
    const chosen = await get(e.url, `${TOKEN_PATH}&client_id=${USER_IDENTITY_2.clientId}`);
    expect(chosen.status).toBe(200);
    expect(decodeJwt(json(chosen).access_token as string).payload.oid).toBe(USER_IDENTITY_2.objectId);
  });

  it('uses a lone user-assigned identity without a selector, and the identities option replaces the set', async () => {
    const e = await start({ identities: [USER_IDENTITY_2] });
    const reply = await get(e.url, TOKEN_PATH);
    expect(json(reply).client_id).toBe(USER_IDENTITY_2.clientId);
    const missing = await get(e.url, `${TOKEN_PATH}&client_id=${SYSTEM_IDENTITY.clientId}`);
    expect(missing.body).toBe(IDENTITY_NOT_FOUND);
  });

  it('healthy has one system and two user-assigned identities', () => {
    expect(DEFAULT_IDENTITIES.map((i) => i.kind)).toEqual(['system', 'user', 'user']);
    for (const identity of DEFAULT_IDENTITIES.filter((i) => i.kind === 'user')) {
      expect(identity.resourceId).toMatch(
        /\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/,
      );
    }
  });

  it('answers an unknown resource with invalid_resource AADSTS500011', async () => {
    const e = await start();
    const reply = await get(
      e.url,
      '/metadata/identity/oauth2/token?api-version=2018-02-01&resource=not-a-resource',
    );
    expect(reply.status).toBe(400);
    const body = json(reply);
    expect(body.error).toBe('invalid_resource');
    expect(body.error_description).toMatch(
      /^AADSTS500011: The resource principal named not-a-resource was not found in the tenant/,
    );
    const guid = await get(
      e.url,
      `/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${USER_IDENTITY_1.clientId}`,
    );
    expect(guid.status).toBe(200);
    expect(e.issuedTokens).toHaveLength(1);
  });

  it('invalid-resource: even ARM is refused', async () => {
    const e = await start({ scenario: 'invalid-resource' });
    const reply = await get(e.url, TOKEN_PATH);
    expect(reply.status).toBe(400);
    expect(json(reply).error).toBe('invalid_resource');
    expect(e.issuedTokens).toEqual([]);
  });

  it('token-expired: expires_on and exp lie in the past', async () => {
    const e = await start({ scenario: 'token-expired' });
    const now = Math.floor(Date.now() / 1000);
    const body = json(await get(e.url, TOKEN_PATH));
    expect(Number(body.expires_on)).toBeLessThan(now);
    expect(decodeJwt(body.access_token as string).payload.exp).toBeLessThan(now);
    expect(body.expires_in).toBe('0');
  });
});
