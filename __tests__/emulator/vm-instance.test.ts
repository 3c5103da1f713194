// /metadata/instance: the full document, route filtering, format=text on leaves, 404 for missing elements.
import { describe, expect, it } from '@jest/globals';
import { VM_ID, VM_RESOURCE_ID, VM_SUBSCRIPTION_ID } from '../../src/emulator/index.js';
import { get, INSTANCE_PATH, json, useEmulators } from './helpers.js';

const start = useEmulators();
const V = 'api-version=2021-02-01';

/** Every primitive in an IMDS JSON document is a string (imds-protocol.md §1.5). */
function nonStringPrimitives(node: unknown, path = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => nonStringPrimitives(child, `${path}/${i}`));
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) => nonStringPrimitives(child, `${path}/${key}`));
  }
  return typeof node === 'string' ? [] : [path];
}

describe('VM instance metadata', () => {
  it('serves the full document with identification fields, all primitives as strings', async () => {
    const e = await start();
    const reply = await get(e.url, INSTANCE_PATH);
    expect(reply.status).toBe(200);
    const doc = json(reply) as { compute: Record<string, unknown>; network: { interface: unknown[] } };
    expect(Object.keys(doc)).toEqual(['compute', 'network']);
    expect(doc.compute).toMatchObject({
      vmId: VM_ID,
      resourceId: VM_RESOURCE_ID,
      subscriptionId: VM_SUBSCRIPTION_ID,
      azEnvironment: 'AzurePublicCloud',
      osType: 'Linux',
      name: expect.any(String),
      resourceGroupName: expect.any(String),
      location: expect.any(String),
      vmSize: expect.stringMatching(/^Standard_/),
      tagsList: expect.arrayContaining([{ name: 'env', value: 'prod' }]),
    });
    expect(VM_RESOURCE_ID).toMatch(
      new RegExp(
        `^/subscriptions/${VM_SUBSCRIPTION_ID}/resourceGroups/[^/]+/providers/Microsoft\\.Compute/virtualMachines/[^/]+$`,
      ),
    );
    expect(doc.network.interface).toHaveLength(1);
    expect(nonStringPrimitives(doc)).toEqual([]);
  });

  it('filters by route: compute alone, a NIC, an array element', async () => {
    const e = await start();
    const full = json(await get(e.url, INSTANCE_PATH)) as {
      compute: unknown;
      network: { interface: unknown[] };
    };
    expect(json(await get(e.url, `/metadata/instance/compute?${V}`))).toEqual(full.compute);
    expect(json(await get(e.url, `/metadata/instance/network/interface/0?${V}`))).toEqual(
      full.network.interface[0],
    );
    expect(json(await get(e.url, `/metadata/instance/compute/tagsList/1?${V}`))).toEqual({
      name: 'team',
      value: 'platform',
    });
    expect(json(await get(e.url, `/metadata/instance/compute/?${V}`))).toEqual(full.compute);
  });

  it('answers leaves only with format=text, as text/plain', async () => {
    const e = await start();
    const leaf = await get(e.url, `/metadata/instance/compute/vmId?${V}&format=text`);
    expect(leaf.status).toBe(200);
    expect(leaf.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(leaf.body).toBe(VM_ID);
    const ip = await get(
      e.url,
      `/metadata/instance/network/interface/0/ipv4/ipAddress/0/privateIpAddress?${V}&format=text`,
    );
    expect(ip.body).toBe('10.1.0.4');
    for (const query of [V, `${V}&format=json`]) {
      const reply = await get(e.url, `/metadata/instance/compute/vmId?${query}`);
      expect(reply.status).toBe(400);
      expect(json(reply)).toEqual({ error: expect.stringMatching(/format=text/) });
    }
  });

  it('lists children for format=text on a container and rejects unknown formats', async () => {
    const e = await start();
    const list = await get(e.url, `/metadata/instance?${V}&format=text`);
    expect(list.body.split('\n')).toEqual(['compute/', 'network/']);
    const bad = await get(e.url, `/metadata/instance?${V}&format=xml`);
    expect(bad.status).toBe(400);
  });

  it('answers 404 for elements that do not exist', async () => {
    const e = await start();
    for (const path of [
      'compute/doesNotExist',
      'network/interface/1',
      'network/interface/x',
      'compute/vmId/deeper',
    ]) {
      const reply = await get(e.url, `/metadata/instance/${path}?${V}&format=text`);
      expect([path, reply.status]).toEqual([path, 404]);
      expect(json(reply)).toEqual({ error: expect.stringMatching(/^Not found/) });
    }
  });

  it('answers /metadata/identity/info with the tenant', async () => {
    const e = await start();
    const reply = await get(e.url, `/metadata/identity/info?${V}`);
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({ tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});
