// The built-in AMA policy's prediction: the policy that fits AMA's identity, its region list, its identity
// condition and its marketplace image rules (case-insensitive, `*` wildcards); a custom image, an unlisted region
// or a missing system identity skip; an unknown identity gives an answer only when both VM policies agree.
import { describe, expect, test } from '@jest/globals';
import { imageReferenceOf } from '../../../../src/core/checks/ama-identity/image.js';
import {
  osFamilyOf,
  predictPolicy,
  type ImageReference,
  type PolicyInput,
} from '../../../../src/core/checks/ama-identity/policy.js';

const UBUNTU: ImageReference = {
  publisher: 'Canonical',
  offer: '0001-com-ubuntu-server-jammy',
  sku: '22_04-lts-gen2',
  id: '',
};
const GALLERY =
  '/subscriptions/3af8e776-0edc-4cf5-8520-b5ec2dbc778f/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/g/images/d/versions/1.0.0';
const CUSTOM: ImageReference = { publisher: '', offer: '', sku: '', id: GALLERY };
const image = (publisher: string, offer: string, sku: string): ImageReference => ({
  publisher,
  offer,
  sku,
  id: '',
});

const input = (over: Partial<PolicyInput> = {}): PolicyInput => ({
  mode: 'vm',
  os: 'linux',
  location: 'westeurope',
  image: UBUNTU,
  kind: 'system',
  hasSystem: true,
  ...over,
});

describe('predictPolicy', () => {
  test('system identity, listed region, marketplace Ubuntu 22.04: install, by the system-assigned Linux policy', () => {
    const p = predictPolicy(input());
    expect(p.prediction).toBe('install');
    expect(p.judged.map((j) => [j.policy.id, j.policy.version])).toEqual([
      ['a4034bc6-ae50-406d-bf76-50f4ee5a7811', '3.7.0'],
    ]);
    expect(p.judged[0]!.rules.map((r) => [r.rule, r.ok])).toEqual([
      ['region', true],
      ['identity', true],
      ['image', true],
    ]);
    expect(p.skipRule).toBe('');
  });

  test('a custom image skips, naming the image and the way around it', () => {
    const p = predictPolicy(input({ image: CUSTOM }));
    expect(p.prediction).toBe('skip');
    expect(p.skipRule).toBe(
      `'Configure Linux virtual machines to run Azure Monitor Agent with system-assigned managed identity-based authentication' (3.7.0) would skip it: the custom or gallery image ${GALLERY} has no publisher, offer or SKU, and the policy covers only the marketplace images it lists unless its assignment sets scopeToSupportedImages false or lists this image id`,
    );
  });

  test('regions: each policy its own list', () => {
    expect(predictPolicy(input({ location: 'chilecentral' })).skipRule).toContain(
      'region chilecentral is not among its 57 regions',
    );
    expect(predictPolicy(input({ location: 'chilecentral', kind: 'user' })).skipRule).toContain(
      'region chilecentral is not among its 68 regions',
    );
    const windows = image('MicrosoftWindowsServer', 'WindowsServer', '2022-datacenter-azure-edition');
    expect(
      predictPolicy(input({ os: 'windows', image: windows, location: 'ChileCentral', kind: 'user' }))
        .prediction,
    ).toBe('install');
    expect(predictPolicy(input({ location: 'usgovvirginia', kind: 'user' })).prediction).toBe('install');
    expect(predictPolicy(input({ location: '' })).prediction).toBe('unknown');
  });

  test('marketplace rules: case-insensitive, wildcards, listed SKUs only', () => {
    const linux = (img: ImageReference) => predictPolicy(input({ image: img })).prediction;
    expect(linux(image('canonical', 'UBUNTUSERVER', '16.04-LTS'))).toBe('install');
    expect(linux(image('Canonical', 'ubuntu-24_04-lts', '24_04-gen2'))).toBe('install');
    expect(linux(image('Canonical', 'ubuntu-26_04-lts', 'server'))).toBe('skip');
    expect(linux(image('RedHat', 'RHEL', '9_4'))).toBe('install');
    expect(linux(image('RedHat', 'RHEL', '10'))).toBe('skip');
    expect(linux(image('RedHat', 'RHELX', '9_4'))).toBe('skip');
    expect(linux(image('Debian', 'debian-13', '13'))).toBe('skip');
    expect(linux(image('almalinux', 'almalinux-x86_64', '9-gen2'))).toBe('install');
    const windows = (sku: string, kind: 'system' | 'user') =>
      predictPolicy(
        input({ os: 'windows', kind, image: image('MicrosoftWindowsServer', 'WindowsServer', sku) }),
      ).prediction;
    expect(windows('2022-datacenter-azure-edition', 'system')).toBe('install');
    // Server 2025 images are only in the user-assigned policy's list.
    expect(windows('2025-datacenter-azure-edition', 'system')).toBe('skip');
    expect(windows('2025-datacenter-azure-edition', 'user')).toBe('install');
    expect(
      predictPolicy(
        input({ os: 'windows', image: image('MicrosoftSQLServer', 'sql2022-ws2022', 'enterprise') }),
      ).prediction,
    ).toBe('install');
  });

  test('the system-assigned policy needs a system identity', () => {
    const p = predictPolicy(input({ kind: null, hasSystem: false }));
    // The user-assigned policy would install, the system-assigned one skip: no single answer.
    expect(p.prediction).toBe('unknown');
    expect(p.judged.map((j) => j.prediction)).toEqual(['skip', 'install']);
    expect(p.judged[0]!.rules[1]!.says).toContain('requires identity.type to contain SystemAssigned');
  });

  test('an unknown identity gives an answer only when both VM policies agree', () => {
    expect(predictPolicy(input({ kind: 'default', hasSystem: null })).prediction).toBe('unknown');
    const custom = predictPolicy(input({ kind: 'default', hasSystem: null, image: CUSTOM }));
    expect(custom.prediction).toBe('skip');
    expect(custom.skipRule.split('; ')).toHaveLength(2);
  });

  test('Arc: region only (no image, no identity rule), per OS', () => {
    const arc = predictPolicy(input({ mode: 'arc', image: null, kind: 'system', hasSystem: null }));
    expect(arc.prediction).toBe('install');
    expect(arc.judged[0]!.policy.id).toBe('845857af-0333-4c5d-bbbc-6076697da122');
    expect(arc.judged[0]!.rules.map((r) => r.rule)).toEqual(['region']);
    expect(predictPolicy(input({ mode: 'arc', os: 'windows', location: 'usgovvirginia' })).prediction).toBe(
      'skip',
    );
  });

  test('no OS or no image: unknown', () => {
    expect(predictPolicy(input({ os: null })).prediction).toBe('unknown');
    expect(predictPolicy(input({ image: null })).prediction).toBe('unknown');
  });
});

describe('what the prediction is built from', () => {
  test('osFamilyOf: metadata osType, else the platform', () => {
    expect(osFamilyOf('Linux', 'win32')).toBe('linux');
    expect(osFamilyOf('windows', 'linux')).toBe('windows');
    expect(osFamilyOf('', 'win32')).toBe('windows');
    expect(osFamilyOf('', 'darwin')).toBeNull();
    expect(osFamilyOf('Plan9', 'linux')).toBeNull();
  });

  test('imageReferenceOf: storageProfile.imageReference, else the top-level fields, else null', () => {
    const reference = { publisher: 'Canonical', offer: 'o', sku: 's', id: '', version: 'latest' };
    expect(imageReferenceOf({ compute: { storageProfile: { imageReference: reference } } })).toEqual({
      publisher: 'Canonical',
      offer: 'o',
      sku: 's',
      id: '',
    });
    expect(
      imageReferenceOf({ compute: { publisher: 'P', offer: 'O', sku: 'S', storageProfile: {} } }),
    ).toEqual({
      publisher: 'P',
      offer: 'O',
      sku: 'S',
      id: '',
    });
    expect(imageReferenceOf({ compute: { publisher: '', storageProfile: {} } })).toBeNull();
    expect(
      imageReferenceOf({ compute: { storageProfile: { imageReference: { id: 7, publisher: {} } } } }),
    ).toEqual({
      publisher: '',
      offer: '',
      sku: '',
      id: '7',
    });
    expect(imageReferenceOf(null)).toBeNull();
  });
});
