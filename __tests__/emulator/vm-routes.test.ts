// VM IMDS beyond the probe's two routes: api-version before route, attested document, load balancer,
// scheduled events, the mi_res_id alias, and documents that depend on the api-version.
import { describe, expect, it } from '@jest/globals';
import {
  FIELD_SINCE,
  NO_API_VERSION_BODY,
  NO_LOAD_BALANCER_BODY,
  SCHEDULED_EVENTS_API_VERSIONS,
  USER_IDENTITY_1,
  VM_API_VERSIONS,
  VM_ID,
  VM_SUBSCRIPTION_ID,
} from '../../src/emulator/index.js';
import { decodeJwt, get, json, TOKEN_PATH, useEmulators } from './helpers.js';

const start = useEmulators();
const NO_API_VERSION = JSON.stringify(NO_API_VERSION_BODY);

describe('api-version is checked before the route', () => {
  it('GET /metadata without api-version is the captured 400 with newest-versions', async () => {
    const e = await start();
    for (const path of ['/metadata', '/metadata/', '/metadata/nothing', '/metadata/identity']) {
      const reply = await get(e.url, path);
      expect([path, reply.status, reply.body]).toEqual([path, 400, NO_API_VERSION]);
    }
    expect(NO_API_VERSION_BODY['newest-versions']).toEqual(['2025-04-07', '2024-07-17', '2024-03-15']);
  });

  it('an unknown /metadata route with a valid api-version is a 404; outside /metadata always 404', async () => {
    const e = await start();
    expect((await get(e.url, '/metadata/nothing?api-version=2021-02-01')).status).toBe(404);
    for (const path of ['/', '/foo', '/metadatax?api-version=2021-02-01']) {
      expect([path, (await get(e.url, path)).status]).toEqual([path, 404]);
    }
  });

  it('Arc answers a versionless /metadata with its own wording', async () => {
    const e = await start({ mode: 'arc' });
    const reply = await get(e.url, '/metadata');
    expect(reply.status).toBe(400);
    expect(json(reply).error_description).toMatch(/^The api-version not specified\. Supported are /);
    expect((await get(e.url, '/metadata/loadbalancer?api-version=2020-06-01')).status).toBe(404);
  });
});

describe('attested document, load balancer, scheduled events', () => {
  it('attested: {encoding: pkcs7, signature} with a base64 DER blob naming the VM and the nonce', async () => {
    const e = await start();
    const reply = await get(e.url, '/metadata/attested/document?api-version=2021-02-01&nonce=1234567890');
    expect(reply.status).toBe(200);
    const body = json(reply);
    expect(Object.keys(body)).toEqual(['encoding', 'signature']);
    expect(body.encoding).toBe('pkcs7');
    const der = Buffer.from(body.signature as string, 'base64');
    expect(der.toString('base64')).toBe(body.signature);
    expect(der[0]).toBe(0x30);
    const text = der.toString('latin1');
    expect(text).toContain(`"vmId":"${VM_ID}"`);
    expect(text).toContain(`"subscriptionId":"${VM_SUBSCRIPTION_ID}"`);
    expect(text).toContain('"nonce":"1234567890"');
    const unsigned = json(await get(e.url, '/metadata/attested/document?api-version=2021-02-01'));
    expect(Buffer.from(unsigned.signature as string, 'base64').toString('latin1')).toMatch(
      /"nonce":"\d{8}-\d{6}"/,
    );
  });

  it('attested needs api-version 2018-10-01 or later', async () => {
    const e = await start();
    const old = await get(e.url, '/metadata/attested/document?api-version=2018-04-02');
    expect([old.status, old.body]).toEqual([400, NO_API_VERSION]);
    expect((await get(e.url, '/metadata/attested/document?api-version=2018-10-01')).status).toBe(200);
  });

  it('loadbalancer: the real 404 for a VM without a Standard load balancer (from 2020-10-01)', async () => {
    const e = await start();
    const reply = await get(e.url, '/metadata/loadbalancer?api-version=2020-10-01');
    expect(reply.status).toBe(404);
    expect(reply.body).toBe(NO_LOAD_BALANCER_BODY);
    expect(json(reply).error).toMatch(/^No load balancer metadata is found\./);
    expect((await get(e.url, '/metadata/loadbalancer?api-version=2020-09-01')).status).toBe(400);
  });

  it('scheduledevents: an empty event list, on its own api-versions', async () => {
    const e = await start();
    for (const version of SCHEDULED_EVENTS_API_VERSIONS) {
      const reply = await get(e.url, `/metadata/scheduledevents?api-version=${version}`);
      expect([version, reply.status]).toEqual([version, 200]);
      expect(json(reply)).toEqual({ DocumentIncarnation: 0, Events: [] });
    }
    expect(SCHEDULED_EVENTS_API_VERSIONS).toContain('2019-04-01'); // an SE version IMDS itself lacks
    expect(VM_API_VERSIONS).not.toContain('2019-04-01');
    expect((await get(e.url, '/metadata/scheduledevents?api-version=2021-02-01')).status).toBe(400);
    expect((await get(e.url, '/metadata/scheduledevents')).status).toBe(400);
  });
});

describe('mi_res_id on VM IMDS', () => {
  it('is an alias of msi_res_id', async () => {
    const e = await start();
    const reply = await get(
      e.url,
      `${TOKEN_PATH}&mi_res_id=${encodeURIComponent(USER_IDENTITY_1.resourceId ?? '')}`,
    );
    expect(reply.status).toBe(200);
    const body = json(reply);
    expect(body).toMatchObject({
      client_id: USER_IDENTITY_1.clientId,
      msi_res_id: USER_IDENTITY_1.resourceId,
    });
    expect(decodeJwt(body.access_token as string).payload.oid).toBe(USER_IDENTITY_1.objectId);
  });

  it('counts as a selector: together with another one it is refused', async () => {
    const e = await start();
    const both = `${TOKEN_PATH}&mi_res_id=x&client_id=${USER_IDENTITY_1.clientId}`;
    expect((await get(e.url, both)).status).toBe(400);
    const unknown = await get(e.url, `${TOKEN_PATH}&mi_res_id=%2Fsubscriptions%2Fnope`);
    expect(json(unknown).error_description).toBe('Identity not found');
  });
});

describe('the instance document depends on the api-version', () => {
  const compute = async (version: string): Promise<Record<string, unknown>> => {
    const e = await start();
    const reply = await get(e.url, `/metadata/instance/compute?api-version=${version}`);
    expect(reply.status).toBe(200);
    return json(reply);
  };

  it('2017-04-02 has only the base fields', async () => {
    const c = await compute('2017-04-02');
    expect(c).toMatchObject({ vmId: VM_ID, location: 'westeurope', osType: 'Linux' });
    for (const absent of ['subscriptionId', 'resourceId', 'azEnvironment', 'tagsList', 'osProfile'])
      expect([absent, c[absent]]).toEqual([absent, undefined]);
  });

  it('2018-10-01 adds azEnvironment but not resourceId (2019-03-11)', async () => {
    const c = await compute('2018-10-01');
    expect(c.azEnvironment).toBe('AzurePublicCloud');
    expect(c.subscriptionId).toBe(VM_SUBSCRIPTION_ID);
    expect(c.resourceId).toBeUndefined();
  });

  it('2020-07-15 has osProfile without disablePasswordAuthentication (2020-10-01)', async () => {
    const c = await compute('2020-07-15');
    expect(c.osProfile).toEqual({ adminUsername: 'azureuser', computerName: 'vm-ama-01' });
    expect(c.securityProfile).toEqual({ secureBootEnabled: 'true', virtualTpmEnabled: 'true' });
  });

  it('2021-02-01 (what the probe asks) stops before virtualMachineScaleSet; 2025-04-07 has them all', async () => {
    const mid = await compute('2021-02-01');
    expect(mid.resourceId).toBeDefined();
    for (const absent of ['virtualMachineScaleSet', 'extendedLocation', 'host', 'physicalZone'])
      expect([absent, mid[absent]]).toEqual([absent, undefined]);
    const newest = await compute('2025-04-07');
    for (const path of Object.keys(FIELD_SINCE)) {
      const [, top = '', nested] = path.split('.');
      const value = nested === undefined ? newest[top] : (newest[top] as Record<string, unknown>)[nested];
      expect([path, value === undefined]).toEqual([path, false]);
    }
  });

  it('route filtering follows the version: a newer leaf is a 404 at an older version', async () => {
    const e = await start();
    const path = '/metadata/instance/compute/resourceId';
    expect((await get(e.url, `${path}?api-version=2019-02-01&format=text`)).status).toBe(404);
    expect((await get(e.url, `${path}?api-version=2019-03-11&format=text`)).status).toBe(200);
  });

  it('Arc filters its document the same way (old agents speak 2019-11-01)', async () => {
    const e = await start({ mode: 'arc' });
    const at = async (v: string) =>
      json(await get(e.url, `/metadata/instance/compute?api-version=${v}`)) as Record<string, unknown>;
    expect((await at('2019-11-01')).securityProfile).toBeUndefined();
    expect((await at('2020-06-01')).securityProfile).toBeDefined();
  });
});
