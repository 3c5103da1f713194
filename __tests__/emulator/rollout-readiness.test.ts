// What the emulator offers the AMA rollout checks: the image the VM was created from (marketplace, or a gallery
// image with no publisher, offer or SKU), a VM whose only identity is one user-assigned identity, and an Azure
// Monitor listener whose Date header runs behind or ahead.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import tls from 'node:tls';
import { createAmaPki, startAmaServers, type AmaServers } from '../../src/emulator/ama/index.js';
import { CUSTOM_IMAGE_ID } from '../../src/emulator/fixtures/vm-instance.js';
import { USER_IDENTITY_1, USER_IDENTITY_2 } from '../../src/emulator/identities.js';
import { ARM, decodeJwt, get, json, TOKEN_PATH, useEmulators } from './helpers.js';

const start = useEmulators();
const compute = async (scenario: string, version = '2021-02-01') => {
  const e = await start({ scenario, mode: 'vm' });
  return json(await get(e.url, `/metadata/instance?api-version=${version}`))['compute'] as Record<
    string,
    unknown
  >;
};

describe('the image in the instance document', () => {
  test('healthy: a marketplace image, its id empty', async () => {
    const c = await compute('healthy');
    expect((c['storageProfile'] as Record<string, unknown>)['imageReference']).toEqual({
      id: '',
      offer: '0001-com-ubuntu-server-jammy',
      publisher: 'Canonical',
      sku: '22_04-lts-gen2',
      version: '22.04.202410020',
    });
    expect([c['publisher'], c['offer'], c['sku']]).toEqual([
      'Canonical',
      '0001-com-ubuntu-server-jammy',
      '22_04-lts-gen2',
    ]);
  });

  test('custom-image: only the gallery image id, no publisher, offer or SKU anywhere', async () => {
    const c = await compute('custom-image');
    expect((c['storageProfile'] as Record<string, unknown>)['imageReference']).toEqual({
      id: CUSTOM_IMAGE_ID,
      offer: '',
      publisher: '',
      sku: '',
      version: '',
    });
    expect([c['publisher'], c['offer'], c['sku']]).toEqual(['', '', '']);
  });

  test('storageProfile is absent before api-version 2019-06-01, as in IMDS', async () => {
    expect(await compute('healthy', '2019-03-11')).not.toHaveProperty('storageProfile');
  });
});

describe('single-user-identity', () => {
  test('without a selector, the one user-assigned identity answers; the system identity does not exist', async () => {
    const e = await start({ scenario: 'single-user-identity', mode: 'vm' });
    const reply = await get(e.url, TOKEN_PATH);
    expect(reply.status).toBe(200);
    const claims = decodeJwt(String(json(reply)['access_token'])).payload;
    expect([claims['xms_mirid'], claims['aud']]).toEqual([USER_IDENTITY_1.resourceId, ARM]);
    const other = await get(e.url, `${TOKEN_PATH}&client_id=${USER_IDENTITY_2.clientId}`);
    expect([other.status, json(other)['error_description']]).toEqual([400, 'Identity not found']);
  });
});

describe('a listener whose Date is shifted', () => {
  let servers: AmaServers;
  const pki = createAmaPki();
  beforeAll(async () => {
    servers = await startAmaServers(
      [
        { scenario: 'healthy', dateOffsetSeconds: -600 },
        { scenario: 'html', dateOffsetSeconds: 90 },
        { scenario: 'healthy' },
      ],
      pki,
    );
  });
  afterAll(() => servers.close());

  const dateOf = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const host = 'global.handler.control.monitor.azure.com';
      const socket = tls.connect({ host: '127.0.0.1', port, servername: host, ca: [pki.azureRootPem] }, () =>
        socket.write(`GET /ping HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(Date.parse(/^date: (.+)$/im.exec(text)?.[1]?.trim() ?? '')));
      socket.on('error', reject);
    });

  test('every answer carries the shifted clock (a block page too); unshifted is the true time', async () => {
    const [behind, ahead, honest] = servers.listeners.map((l) => l.port);
    expect(servers.listeners.map((l) => l.dateOffsetSeconds)).toEqual([-600, 90, 0]);
    const near = (ms: number, expected: number): boolean => Math.abs(ms - expected) <= 2000;
    expect(near(await dateOf(behind!), Date.now() - 600_000)).toBe(true);
    expect(near(await dateOf(ahead!), Date.now() + 90_000)).toBe(true);
    expect(near(await dateOf(honest!), Date.now())).toBe(true);
  });
});
